// The form editor on 127.0.0.1:8081 (make editor): Decap CMS from node_modules, the generated
// config.yml, and Decap's local Git backend (decap-server) on the clone in GIT_REPO_DIRECTORY
// (default: this repository). Nothing here is part of the published site.
'use strict';
const path = require('path');
const express = require('express');
const { registerLocalGit } = require('decap-server/dist/middlewares');

const here = __dirname;
const port = parseInt(process.env.PORT || '8081', 10);
const host = process.env.BIND_HOST || '127.0.0.1';
process.env.GIT_REPO_DIRECTORY = path.resolve(process.env.GIT_REPO_DIRECTORY || path.join(here, '..'));

const app = express();
app.disable('x-powered-by');
app.use((req, res, next) => {
  res.set('Cache-Control', 'no-store');
  res.set('X-Robots-Tag', 'noindex');
  next();
});
app.get('/config.yml', (req, res) => res.type('text/yaml').sendFile(path.join(here, 'config.yml')));
app.use('/decap', express.static(path.join(here, 'node_modules/decap-cms/dist')));
app.use('/vendor/yaml', express.static(path.join(here, 'node_modules/yaml/browser/dist')));
app.use(express.static(path.join(here, 'public')));

registerLocalGit(app, { logLevel: process.env.LOG_LEVEL || 'info' }).then(() => {
  app.listen(port, host, () => {
    console.log(`Editor: http://${host}:${port}/ (local Git backend on ${process.env.GIT_REPO_DIRECTORY})`);
  });
}).catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
