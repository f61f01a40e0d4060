"""Automation conditions shared by the assets."""

import dagster as dg

# What answers an upstream change: automation requesting the asset. Dagster's since_last_handled() also counts the
# asset's own materialization, so a run that began before the change and finished after it, within one tick, swallowed
# it: a new resume or posting waited for the next one to be embedded and matched. A materialization automation did not
# request (one started by hand) now costs one more run, which finds little to do: every asset here is incremental.
_since_requested = (dg.AutomationCondition.newly_requested() | dg.AutomationCondition.initial_evaluation()).with_label("requested")

# Like eager(), but an unpartitioned asset over partitioned ones (all documents, every day of postings)
# must not wait for partitions that will never exist: old days with no fetch, quarantined documents.
on_upstream_update = (
    (dg.AutomationCondition.newly_missing() | dg.AutomationCondition.any_deps_updated()).since(_since_requested)
    & ~dg.AutomationCondition.any_deps_in_progress()
    & ~dg.AutomationCondition.in_progress()
).with_label("on upstream update")

# Like on_upstream_update, but an upstream materialization counts only when its data version changed: the hourly
# `job_postings` run that finds every posting as it was (same analysis keys) leaves the vectors, the matches and the
# snapshot alone. An asset that states no data version gets a new one on every run, so it counts as before.
_changed = (
    (dg.AutomationCondition.data_version_changed() & ~dg.AutomationCondition.executed_with_root_target())
    | dg.AutomationCondition.will_be_requested()
)
on_upstream_change = (
    (dg.AutomationCondition.newly_missing()
     | dg.AutomationCondition.any_deps_match(_changed).with_label("any_deps_changed")).since(_since_requested)
    & ~dg.AutomationCondition.any_deps_in_progress()
    & ~dg.AutomationCondition.in_progress()
).with_label("on upstream change")

# What reads documents and postings is code plus the taxonomy: a new version of the code (the asset's code version) or
# a taxonomy of another version (skill_taxonomy states its version as its data version, so re-copying the same file
# counts for nothing) asks for the asset's stored partitions again. Held until requested, so a partition being written
# at that moment is asked for again once its run ends; requested with a new taxonomy's own run, so both versions at once
# cost one pass. New data is not this condition's: the run that brings it in reads it.
new_rules = (
    dg.AutomationCondition.code_version_changed()
    | dg.AutomationCondition.any_deps_match(_changed).allow(dg.AssetSelection.assets("skill_taxonomy")).with_label("taxonomy_changed")
).since(_since_requested) & ~dg.AutomationCondition.missing() & ~dg.AutomationCondition.any_deps_in_progress() \
    & ~dg.AutomationCondition.in_progress()

# Profiles: every stored document is parsed again.
on_new_rules = new_rules.with_label("on new parser or taxonomy")
