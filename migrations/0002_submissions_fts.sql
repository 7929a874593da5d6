-- Hand-written: full-text search over memo text for the admin history (drizzle-kit does not model
-- FTS5). An external-content index over submissions.text, kept in step by triggers; submissions are
-- never updated, so insert and delete triggers are enough.
CREATE VIRTUAL TABLE `submissions_fts` USING fts5(`text`, content='submissions', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `submissions_fts`(`rowid`, `text`) SELECT `id`, `text` FROM `submissions`;
--> statement-breakpoint
CREATE TRIGGER `submissions_fts_insert` AFTER INSERT ON `submissions` BEGIN
  INSERT INTO `submissions_fts`(`rowid`, `text`) VALUES (new.`id`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `submissions_fts_delete` AFTER DELETE ON `submissions` BEGIN
  INSERT INTO `submissions_fts`(`submissions_fts`, `rowid`, `text`) VALUES ('delete', old.`id`, old.`text`);
END;
