#!/usr/bin/env python3
"""What a tracker database holds, compared with a reference, for the crash
and concurrency tests (tests/cli/run_crash_tests.sh,
tests/cli/run_concurrency_tests.sh).

    db_state.py dump DB OUT.json [--basename]
    db_state.py check DB REF.json [--complete] [--basename]

dump: the articles of DB keyed by content hash, each with its article fields
(all but id, imported_at and superseded_by) and its claims (every column but
the ids, the claimant by name), as JSON.

check: DB is sound (integrity_check "ok", foreign_key_check empty) and every
article it holds is one of the reference's with exactly the reference's
fields and claims (no partial, extra or altered claims); every file recorded
in imported_files has its article. Prints where the database stands:
"absent", "no-schema", "schema N" (migrations up to N recorded, no articles
table yet) or "articles K". With --complete, DB must hold exactly the
reference's articles. With --basename, article paths are compared by file
name only (imports of the same files through different folders).

Opens the database read-only (a URI with mode=ro), so that checking cannot
change it; a WAL left by a killed process is still read. Exits non-zero with
the reason on stderr's last line when a check fails.
"""
import json
import os
import sqlite3
import sys

ARTICLE_SKIP = {"id", "imported_at", "superseded_by"}
CLAIM_SKIP = {"id", "article_id", "claimant_id"}


def tables(db):
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def state(db, basename):
    articles = {}
    acols = [r[1] for r in db.execute("PRAGMA table_info(articles)") if r[1] not in ARTICLE_SKIP]
    ccols = [r[1] for r in db.execute("PRAGMA table_info(claims)") if r[1] not in CLAIM_SKIP]
    claims_sql = ("SELECT %s, (SELECT name FROM claimants WHERE id = claims.claimant_id) "
                  "FROM claims WHERE article_id = ?" % ", ".join("claims." + c for c in ccols))
    for row in db.execute("SELECT id, %s FROM articles" % ", ".join(acols)).fetchall():
        fields = dict(zip(acols, row[1:]))
        if basename:
            fields["path"] = os.path.basename(fields["path"])
        claims = sorted(json.dumps(dict(zip(ccols + ["claimant"], c)), sort_keys=True)
                        for c in db.execute(claims_sql, (row[0],)))
        key = fields["content_hash"]
        if key in articles:
            raise SystemExit("content hash %s stored twice" % key)
        articles[key] = {"article": fields, "claims": claims}
    return articles


def check(db, ref, complete, basename):
    integrity = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        raise SystemExit("integrity_check: %s" % integrity[:5])
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        raise SystemExit("foreign_key_check: %s" % fk[:5])
    names = tables(db)
    if "articles" not in names or "claims" not in names:
        if complete:
            raise SystemExit("no articles table")
        if "schema_migrations" in names:
            version = db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
            return "schema %d" % version
        return "no-schema"
    got = state(db, basename)
    for key, stored in got.items():
        want = ref.get(key)
        path = stored["article"].get("path")
        if want is None:
            raise SystemExit("article %s (%s) is not in the reference" % (key, path))
        if stored["article"] != want["article"]:
            raise SystemExit("article %s differs: %s, reference %s" % (key, stored["article"], want["article"]))
        if stored["claims"] != want["claims"]:
            same = len(stored["claims"]) == len(want["claims"])
            raise SystemExit("article %s (%s) has %d claims, the reference %d%s" % (
                key, path, len(stored["claims"]), len(want["claims"]),
                " (same count, other content)" if same else " (partial or extra claims)"))
    if "imported_files" in names:
        paths = {a["article"]["path"] for a in got.values()}
        for (path,) in db.execute("SELECT path FROM imported_files"):
            if (os.path.basename(path) if basename else path) not in paths:
                raise SystemExit("file %s recorded as imported but its article is missing" % path)
    if complete and set(got) != set(ref):
        missing = sorted(set(ref) - set(got))
        raise SystemExit("%d articles missing, e.g. %s" % (
            len(missing), [ref[k]["article"]["path"] for k in missing[:3]]))
    return "articles %d" % len(got)


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("dump", "check"):
        raise SystemExit(__doc__)
    mode, path, other = sys.argv[1:4]
    options = set(sys.argv[4:])
    basename = "--basename" in options
    if not os.path.exists(path):
        if mode == "dump":
            raise SystemExit("%s does not exist" % path)
        print("absent")
        return
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    if mode == "dump":
        with open(other, "w") as out:
            json.dump(state(db, basename), out)
        return
    with open(other) as f:
        ref = json.load(f)
    print(check(db, ref, "--complete" in options, basename))


if __name__ == "__main__":
    main()
