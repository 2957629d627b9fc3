// Decap starts only when editor.js has registered the project's file formats.
window.CMS_MANUAL_INIT = true;
