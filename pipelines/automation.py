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

def new_rules(*inputs: str, along_with: str | None = None) -> dg.AutomationCondition:
    """What reads documents and postings is code plus what it reads: a new version of the code (the asset's code version)
    or a new version of one of `inputs` asks for the asset's stored partitions again, and so does automation asking for
    the same partitions of `along_with` (so both go in one run).

    An input counts when its data version changed: skill_taxonomy states its taxonomy's version as its data version, so
    re-copying the same file counts for nothing. Held until requested, so a partition being written at that moment is
    asked for again once its run ends. Held too while an input's own code is new: a deploy with a new parser and a new
    taxonomy parses once, after the taxonomy's run (Dagster does not request a partitioned asset with an unpartitioned
    one in the same tick, so it had parsed with the old taxonomy first, then again). New data is not this condition's:
    the run that brings it in reads it.

    `along_with` is not an input: a partitioned upstream asset's own runs cannot be told from the runs that also wrote
    this asset. Dagster's executed_with_root_target() looks only at the upstream asset's latest materialization, so a
    run over six documents counted as "written without this asset" for five of them, and they were parsed twice.
    """
    condition = dg.AutomationCondition.code_version_changed()
    held = ~dg.AutomationCondition.any_deps_in_progress() & ~dg.AutomationCondition.in_progress()
    if inputs:
        condition |= dg.AutomationCondition.any_deps_match(_changed).allow(dg.AssetSelection.assets(*inputs)).with_label(
            f"{' or '.join(inputs)} changed")
        held &= ~dg.AutomationCondition.any_deps_match(dg.AutomationCondition.code_version_changed()).allow(
            dg.AssetSelection.assets(*inputs)).with_label(f"{' or '.join(inputs)} redeployed")
    if along_with:
        condition |= dg.AutomationCondition.any_deps_match(dg.AutomationCondition.will_be_requested()).allow(
            dg.AssetSelection.assets(along_with)).with_label(f"{along_with} requested")
    # a change seen on the tick right after a request is not that request's: it asks again (Dagster's since() lets the
    # reset win a tie, and a new version deployed as the earlier request's run began was lost)
    return condition.since(_since_requested & ~condition) & ~dg.AutomationCondition.missing() & held


# Document text: every stored original is read again by new readers.
on_new_reader = new_rules().with_label("on new reader")

# Profiles: every stored document is parsed again by a new parser or taxonomy, and with its text when new readers read
# it again.
on_new_rules = new_rules("skill_taxonomy", along_with="document_text").with_label("on new parser, readers or taxonomy")
