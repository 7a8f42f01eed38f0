-- Every run rewrites each item's last_history_item_id (and claims, source_version), none of
-- them indexed: leave room on each page so those updates stay HOT (no index writes).
ALTER TABLE "sync_list" SET (fillfactor = 70);
ALTER TABLE "sync_history" SET (fillfactor = 80);
