"""What a source sensor found in one tick (inbox files, Drive files), turned into document runs.

Each arrival is sorted: bytes never seen become new document partitions, run in batches; the same new
bytes found twice in the tick are one document with two sources; bytes already a document, found at a
new place, only record that place and give its tenant a profile. The dynamic partitions (one per sha256)
are the exactly-once guard, so a lost sensor cursor costs time but never a second run for the same bytes.
"""

import hashlib
from dataclasses import dataclass

import dagster as dg

from pipelines.partitions import document_partitions, document_range_tags

# Sensors time out at 60 s; a source sensor stops well before, and the rest waits for its next tick.
TICK_BUDGET_SECONDS = 40.0


@dataclass(frozen=True)
class Arrival:
    sha256: str
    path: str  # a local file holding the bytes
    tenant: str
    origin: str = ""  # where a person finds it when that is not `path` (a Drive link)
    member: str = ""  # the file's name in the archive (or email) at `path` that holds it ('applications/ana.pdf')

    @property
    def place(self) -> str:
        place = self.origin or self.path
        return f"{place}/{self.member}" if self.member else place


def ingest_requests(arrivals: list[Arrival], batch_size: int, copies: list[Arrival] = ()) -> list[dg.RunRequest]:
    """One run per batch of new documents: a partition range (the keys were added in this order) plus their
    sources, including `copies` (the same new bytes found at other places in the same tick)."""
    requests = []
    for start in range(0, len(arrivals), batch_size):
        batch = arrivals[start:start + batch_size]
        keys = {a.sha256 for a in batch}
        key = hashlib.sha256("".join(a.sha256 for a in batch).encode()).hexdigest()[:16]
        sources = [a.__dict__ for a in batch] + [c.__dict__ for c in copies if c.sha256 in keys]
        requests.append(dg.RunRequest(
            run_key=f"documents-{key}",
            run_config={"ops": {"documents": {"config": {"sources": sources}}}},
            tags={**document_range_tags([a.sha256 for a in batch]), "jobfit/tenants": ",".join(sorted({a.tenant for a in batch}))},
        ))
    return requests


def new_source_request(arrival: Arrival, lost: str = "") -> dg.RunRequest:
    """Known bytes from a new place (another tenant, another path): record the source and give that tenant its profile.
    When the warehouse `lost` them (the mark of that loss), read them again too."""
    place = hashlib.sha256(arrival.place.encode()).hexdigest()[:12]
    return dg.RunRequest(
        run_key=f"again-{lost}-{arrival.sha256}-{place}" if lost else f"source-{arrival.sha256}-{place}",
        partition_key=arrival.sha256,
        asset_selection=[dg.AssetKey(key) for key in ("documents", *(("document_text",) if lost else ()), "profiles")],
        run_config={"ops": {"documents": {"config": {"sources": [arrival.__dict__]}}}},
        tags={"jobfit/tenants": arrival.tenant},
    )


class TickArrivals:
    """Sorts one tick's arrivals; `had_cursor` is False on a first tick or after a lost cursor, when the places
    of known documents were recorded by whoever added them and only later ticks can see a genuinely new place."""

    def __init__(self, instance: dg.DagsterInstance, had_cursor: bool):
        self.instance, self.had_cursor = instance, had_cursor
        self.new: dict[str, Arrival] = {}
        self.copies: list[Arrival] = []  # new bytes seen twice in this tick
        self.known_sources: list[Arrival] = []  # bytes already a document, found at a new place
        self.lost: list[tuple[Arrival, str]] = []  # bytes already a document, which the warehouse lost, and the loss's mark

    def add(self, arrival: Arrival, lost: str = "") -> None:
        """`lost`: the mark of a loss of this arrival's document from the warehouse (deleted, restored from an older
        copy): it is read again."""
        if arrival.sha256 in self.new:
            self.copies.append(arrival)
        elif self.instance.has_dynamic_partition(document_partitions.name, arrival.sha256):
            if lost:
                self.lost.append((arrival, lost))
            elif self.had_cursor:
                self.known_sources.append(arrival)
        else:
            self.new[arrival.sha256] = arrival

    def result(self, batch_size: int, cursor: str, log) -> dg.SensorResult:
        arrivals = list(self.new.values())
        requests = ingest_requests(arrivals, batch_size, self.copies)
        requests += [new_source_request(a) for a in self.known_sources] + [new_source_request(a, mark) for a, mark in self.lost]
        log.info(f"{len(arrivals)} new documents in {len(requests)} runs, "
                 f"{len(self.known_sources)} known documents from new places, {len(self.lost)} the warehouse lost")
        return dg.SensorResult(
            run_requests=requests,
            dynamic_partitions_requests=[document_partitions.build_add_request([a.sha256 for a in arrivals])] if arrivals else [],
            cursor=cursor,
        )
