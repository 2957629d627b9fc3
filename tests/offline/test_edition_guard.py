"""Offline zips built for the network edition never reach the public site's Download page or downloads/."""
import json
import zipfile

from sitebuild import build_site, soup


def test_network_edition_zips_are_not_published_by_a_public_build(tmp_path):
    """A manifest whose edition is 'network' is ignored by a public build: no zip copied, the honest notice shown."""
    out = tmp_path / "offline"
    out.mkdir()
    name = "kb-offline-en.zip"
    with zipfile.ZipFile(out / name, "w") as archive:
        archive.writestr("kb-offline-en/index.html", "network-only canary 7f3a")
    manifest = {"built": "2026-11-28", "edition": "network",
                "editions": [{"lang": "en", "name": name, "bytes": (out / name).stat().st_size,
                              "sha256": "0" * 64, "built": "2026-11-28"}]}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    build = build_site(tmp_path / "site", env={"KB_OFFLINE_DIR": str(out), "KB_ONLY_LANG": "en"})
    assert build.returncode == 0, build.log[-3000:]
    assert not (build.site / "downloads").exists()
    page = soup(build.site / "download" / "index.html")
    assert name not in str(page)
