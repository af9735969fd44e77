"""The misses by what was found in them, and what escalating a chosen kit's words to pause would
do: ``python bench/escalation/rules.py DUMP.json...`` (dumps from dump_matches.py)."""
import json
import sys

KIT_RULES = ("as shipped", "a kit's event words pause", "every kit word pauses",
             "a kit word pauses with a second kit word or a loose hit")


def kinds(post: dict) -> set[str]:
    """What matched: a typed term in a loose reading, a kit's event or tone-deaf word, a list."""
    found = set()
    for match in post["matches"]:
        if match["crisis"]:
            found.add("loose")
        elif "kit" in (match["list"] or ""):
            found.add("kit-event" if match["category"] == "crisis" else "kit-tone")
        else:
            found.add("list")
    return found


def status(post: dict, rule: str) -> str:
    if post["status"] == "pause" or rule == KIT_RULES[0]:
        return post["status"]
    found = kinds(post)
    kit = found & {"kit-event", "kit-tone"}
    if rule == KIT_RULES[1] and "kit-event" in found:
        return "pause"
    if rule == KIT_RULES[2] and kit:
        return "pause"
    if rule == KIT_RULES[3] and kit and ("loose" in found or len(kit) > 1):
        return "pause"
    return post["status"]


def main(paths: list[str]) -> None:
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            posts = json.load(handle)
        crisis = [p for p in posts if p["expected"] == "pause"]
        missed = [p for p in crisis if p["status"] != "pause"]
        sorts = {"nothing": 0, "kit only": 0, "loose only": 0, "other": 0}
        for post in missed:
            found = {"kit" if k.startswith("kit") else k for k in kinds(post)}
            key = "nothing" if not found else "kit only" if found == {"kit"} else \
                "loose only" if found == {"loose"} else "other"
            sorts[key] += 1
        print(f"{path}: {len(missed)} crisis posts not paused: {sorts}")
        for rule in KIT_RULES:
            hit = sum(status(p, rule) == "pause" for p in crisis)
            paused = sum(status(p, rule) == "pause" for p in posts)
            print(f"  {rule:<58} recall {hit}/{len(crisis)} {hit / len(crisis):.0%}, "
                  f"precision {hit}/{paused} {hit / paused:.0%}")


if __name__ == "__main__":
    main(sys.argv[1:])
