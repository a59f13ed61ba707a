import json, hashlib
dev = {json.loads(l)["id"] for l in open("tests/data/wikinews_dev.jsonl")}
wk = sorted((json.loads(l) for l in open("../shared/corpus/wikinews/wikinews_en_2019_2020.jsonl")), key=lambda r: r["id"])
wk = [r for r in wk if len(r["body"]) <= 6000 and r["id"] not in dev]
wiki = [r for i, r in enumerate(wk) if i % 2 == 1]
h = lambda s: hashlib.sha1(s.encode()).hexdigest()
rt = [json.loads(l) for l in open("../shared/corpus/reuters21578/reuters21578.jsonl")]
rt = [r for r in rt if 600 <= len(r.get("body") or "") <= 3000 and '"' in r["body"]]
rt.sort(key=lambda r: h(r["id"]))
reut = rt[:60]
chosen = wiki + reut
print(len(wk), len(wiki), len(rt), len(reut))
tuning = [r["id"] for r in chosen if h("split:" + r["id"])[0] < "a"]
test = [r["id"] for r in chosen if h("split:" + r["id"])[0] >= "a"]
print("tuning", len(tuning), "test", len(test))
json.dump({"tuning": tuning, "test": test}, open("/work/labels/split.json", "w"), indent=0)
# five batches, interleaved
ids = [r["id"] for r in chosen]
for k in range(5):
    batch = ids[k::5]
    with open(f"/work/labels/batch-{k}.jsonl", "w") as f:
        for r in chosen:
            if r["id"] in batch:
                f.write(json.dumps({"id": r["id"], "title": r["title"], "body": r["body"]}, ensure_ascii=False) + "\n")
    print(k, len(batch))
