# A login flood against a running server, and /health/live latency meanwhile (decisions.md "Abuse resistance").
# usage: login-flood.py BASE_URL CLIENTS SECONDS [once|spray|spray-once]
#   CLIENTS threads send wrong-password logins for SECONDS (closed loop); "once": each sends one (a burst);
#   "spray": a different unknown username per login (many accounts) instead of one registered account.
#   One more thread GETs /health/live every 50 ms (30 s timeout) and reports p50/p99/max of the answers.
import http.client, itertools, json, sys, threading, time, urllib.parse
base = urllib.parse.urlparse(sys.argv[1]); conc = int(sys.argv[2]); secs = float(sys.argv[3])
spray = len(sys.argv) > 4 and "spray" in sys.argv[4]
once = len(sys.argv) > 4 and "once" in sys.argv[4]  # each thread sends one login (a burst), probes go on
seq = itertools.count()
def post(body, timeout=60):
    c = http.client.HTTPConnection(base.hostname, base.port, timeout=timeout)
    c.request("POST", "/graphql", json.dumps(body), {"Content-Type": "application/json"})
    r = c.getresponse(); data = r.read(); c.close(); return r.status, data
reg = {"query": "mutation($i: RegisterUserInput!){ registerUser(input:$i){ user{id} errors{__typename} } }",
       "variables": {"i": {"username": "victim", "email": "victim@example.com", "password": "right-password-1"}}}
post(reg)
login = {"query": "mutation($i: LoginInput!){ login(input:$i){ token errors{__typename} } }",
         "variables": {"i": {"usernameOrEmail": "victim", "password": "wrong-password"}}}
stop = time.time() + secs; counts = {"ok": 0, "rate_limited": 0, "other": 0, "failed": 0}; lock = threading.Lock()
def flood():
    while time.time() < stop:
        try:
            body = login if not spray else {"query": login["query"], "variables": {"i": {"usernameOrEmail": f"u{next(seq)}", "password": "wrong-password"}}}
            s, d = post(body)
            k = "rate_limited" if b"RATE_LIMITED" in d else ("ok" if s == 200 else "other")
        except Exception:
            k = "failed"
        with lock: counts[k] += 1
        if once: break
lat = []; health_fail = [0]
def probe():
    while time.time() < stop:
        t = time.perf_counter()
        try:
            c = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
            c.request("GET", "/health/live"); c.getresponse().read(); c.close()
            lat.append((time.perf_counter() - t) * 1000)
        except Exception:
            health_fail[0] += 1
        time.sleep(0.05)
ts = [threading.Thread(target=flood) for _ in range(conc)] + [threading.Thread(target=probe)]
[t.start() for t in ts]; [t.join() for t in ts]
lat.sort()
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float("nan")
print(f"logins: {counts}; health probes: {len(lat)} ok, {health_fail[0]} failed (30 s timeout); "
      f"p50 {q(0.50):.1f} ms, p99 {q(0.99):.1f} ms, max {q(1.0):.1f} ms")
