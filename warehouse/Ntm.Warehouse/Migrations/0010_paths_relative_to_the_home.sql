-- A home is a folder that can be moved, copied or restored: the ledger names the archived and
-- quarantined copies relative to the home ("archive/<sha256>.xlsx", "quarantine/<name>"), never
-- by the absolute path of the place the home happened to be in.
UPDATE submission
SET archive_path = regexp_extract(archive_path, '(?:^|[/\\])((?:archive|quarantine)[/\\][^/\\]+)$', 1)
WHERE archive_path IS NOT NULL
  AND regexp_matches(archive_path, '(?:^|[/\\])(?:archive|quarantine)[/\\][^/\\]+$')
  AND NOT regexp_matches(archive_path, '^(?:archive|quarantine)[/\\]');

INSERT INTO migration_note (version, note)
SELECT 10, 'Sổ nhận báo cáo ghi đường dẫn bản lưu (archive/, quarantine/) theo thư mục làm việc: ' || count(*) || ' báo cáo đã được chuyển; thư mục làm việc có thể di chuyển hoặc sao chép.'
FROM submission
WHERE archive_path IS NOT NULL
HAVING count(*) > 0;
