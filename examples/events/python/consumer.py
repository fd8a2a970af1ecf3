"""A Python service consuming the coach events from Redis Streams with redis-py.

It reads as a consumer group, validates each envelope against event-envelope.schema.json and its
payload with the generated Pydantic model of its version (models/, written by `module-contract python`),
acknowledges a message only after it was handled, and dead-letters what it cannot validate to
<stream>:dead with the reason, as the Node buses do.

    python3 examples/events/python/consumer.py --redis-url redis://127.0.0.1:6379

Each handled event is printed as one JSON line: {"id", "type", "v", "stream", "messageId", ...}.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import redis
from pydantic import BaseModel

from models import CoachReflectV2
from validators import EventValidators, ValidationFailed

HERE = Path(__file__).resolve().parent
DEFAULT_SCHEMAS = HERE.parent / "generated" / "schemas"

# What this service takes: coach.reflect in v2 only (the producer dual-emits v1 and v2 during the grace
# window), and the other events in v1.
ACCEPTS = {
    "import.progress": [1],
    "coach.reflect": [2],
    "digest.ready": [1],
}


def handle(event: dict, payload: BaseModel) -> dict:
    """The service's own work on one validated event; here it summarises the event."""
    summary: dict = {"id": event["id"], "type": event["type"], "v": event["v"]}
    if isinstance(payload, CoachReflectV2):
        summary["trade"] = payload.trade.id
        summary["biasTags"] = list(payload.biasTags)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379")
    parser.add_argument("--schemas", type=Path, default=DEFAULT_SCHEMAS, help="folder holding event-envelope.schema.json")
    parser.add_argument("--group", default="python")
    parser.add_argument("--consumer", default="python-1")
    parser.add_argument("--expect", type=int, default=0, help="exit after handling this many events (0: run until stopped)")
    parser.add_argument("--timeout", type=float, default=0, help="give up after this many seconds (exit 1)")
    args = parser.parse_args()

    validators = EventValidators(args.schemas)
    client = redis.Redis.from_url(args.redis_url, decode_responses=True)
    streams = {f"events:{event_type}": event_type for event_type in ACCEPTS}
    for stream in streams:
        try:
            # From the start of the stream, as the Node buses do, so nothing published earlier is missed.
            client.xgroup_create(stream, args.group, id="0", mkstream=True)
        except redis.ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise

    print(json.dumps({"ready": True}), flush=True)
    handled = 0
    deadline = time.monotonic() + args.timeout if args.timeout else None
    # First what this consumer was given before a restart and never acknowledged ("0"), then new messages (">").
    position = "0"
    while not args.expect or handled < args.expect:
        if deadline and time.monotonic() > deadline:
            print(f"timed out after {args.timeout} s with {handled} of {args.expect} events", file=sys.stderr)
            return 1
        replies = client.xreadgroup(args.group, args.consumer, {s: position for s in streams}, count=16, block=200) or []
        if position == "0" and not any(entries for _, entries in replies):
            position = ">"
            continue
        for stream, entries in replies:
            for message_id, fields in entries:
                if fields is None:  # deleted from the stream while pending
                    client.xack(stream, args.group, message_id)
                    continue
                outcome = consume(validators, stream, fields.get("envelope"))
                if outcome is None:
                    client.xack(stream, args.group, message_id)
                elif isinstance(outcome, ValidationFailed):
                    # The dead letter and the acknowledgement go together, as in the Node adapter.
                    pipe = client.pipeline(transaction=True)
                    pipe.xadd(
                        f"{stream}:dead",
                        {"envelope": fields.get("envelope", ""), "reason": f"ValidationError: {outcome}", "attempts": "1", "group": args.group, "messageId": message_id},
                    )
                    pipe.xack(stream, args.group, message_id)
                    pipe.execute()
                    print(json.dumps({"deadLettered": message_id, "reason": str(outcome)}), file=sys.stderr, flush=True)
                else:
                    client.xack(stream, args.group, message_id)
                    handled += 1
                    print(json.dumps({**outcome, "stream": stream, "messageId": message_id}), flush=True)
    return 0


def consume(validators: EventValidators, stream: str, text: str | None) -> dict | ValidationFailed | None:
    """Handles one message: a summary when handled, the failure when invalid, None when skipped.

    As in the Node buses, type and version first decide whether the message is for this service at
    all; only then is it validated in full, envelope and payload.
    """
    try:
        head = json.loads(text) if text is not None else None
    except json.JSONDecodeError:
        head = None
    if isinstance(head, dict):
        event_type, version = head.get("type"), head.get("v")
        if isinstance(event_type, str) and event_type not in ACCEPTS:
            return None
        if isinstance(version, int) and not isinstance(version, bool) and version > 0 and version not in ACCEPTS.get(event_type, []):
            return None
    try:
        event = validators.envelope(text)
        payload = validators.payload(event["type"], event["v"], event["payload"])
    except ValidationFailed as failure:
        return failure
    return handle(event, payload)


if __name__ == "__main__":
    sys.exit(main())
