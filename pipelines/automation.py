"""Automation conditions shared by the assets."""

import dagster as dg

# Like eager(), but an unpartitioned asset over partitioned ones (all documents, every day of postings)
# must not wait for partitions that will never exist: old days with no fetch, quarantined documents.
on_upstream_update = (
    (dg.AutomationCondition.newly_missing() | dg.AutomationCondition.any_deps_updated()).since_last_handled()
    & ~dg.AutomationCondition.any_deps_in_progress()
    & ~dg.AutomationCondition.in_progress()
).with_label("on upstream update")
