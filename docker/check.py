#!/usr/bin/env python3
"""The file checks of docker/check.sh, without a Docker engine: compose files, Dockerfiles, ignore files, launcher.

    python3 docker/check.py [REPO_ROOT]

Prints one line per check ("ok", "note" or "FAIL file: what is wrong") and exits 1 if anything failed.
Needs PyYAML (Debian: python3-yaml). With jsonschema installed and COMPOSE_SPEC_SCHEMA naming the Compose
Specification's JSON schema (compose-spec.json), the compose files are validated against it as well.
"""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

try:
    import yaml
except ImportError:  # check.sh says how to install it
    print("FAIL docker/check.py: PyYAML is missing (Debian: apt-get install -y python3-yaml)")
    sys.exit(1)

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
DOCKER = os.path.join(ROOT, "docker")
COMPOSE = "docker/compose.yaml"
SECRETS = "docker/compose.secrets.yaml"
DOCKERFILES = ["docker/Dockerfile.flink", "docker/Dockerfile.publisher"]
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}

failures = []


def ok(msg):
    print(f"ok   {msg}")


def note(msg):
    print(f"note {msg}")


def fail(path, msg):
    failures.append((path, msg))
    print(f"FAIL {path}: {msg}")


def check(cond, path, msg):
    """ok(msg) if cond, else fail(path, msg); returns cond."""
    if cond:
        ok(f"{path}: {msg}")
    else:
        fail(path, f"not true: {msg}")
    return bool(cond)


def read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------- compose

INTERPOLATION = re.compile(r"\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))")


def interpolate(value, env, path, where):
    """Compose's variable substitution (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, $$), with env."""
    def sub(m):
        if m.group(0) == "$$":
            return "$"
        name = m.group(1) or m.group(4)
        op, arg = m.group(2), m.group(3)
        val = env.get(name)
        if op in (":-", "-"):
            if val is None or (op == ":-" and val == ""):
                return interpolate(arg, env, path, where)
            return val
        if op in (":?", "?"):
            if val is None or (op == ":?" and val == ""):
                fail(path, f"{where}: ${{{name}}} is required ({arg})")
                return ""
            return val
        if op in (":+", "+"):
            return interpolate(arg, env, path, where) if val not in (None, "") or (op == "+" and val is not None) else ""
        if val is None:
            fail(path, f"{where}: ${{{name}}} has no default, so compose would warn and use an empty string")
            return ""
        return val
    if "$" in INTERPOLATION.sub("", value):
        fail(path, f"{where}: a '$' that compose cannot interpolate (write $$ for a literal $): {value!r}")
    return INTERPOLATION.sub(sub, value)


def interpolate_tree(node, env, path, where=""):
    if isinstance(node, dict):
        return {k: interpolate_tree(v, env, path, f"{where}.{k}" if where else str(k)) for k, v in node.items()}
    if isinstance(node, list):
        return [interpolate_tree(v, env, path, f"{where}[{i}]") for i, v in enumerate(node)]
    if isinstance(node, str):
        return interpolate(node, env, path, where)
    return node


def load_yaml(rel):
    try:
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
    except FileNotFoundError:
        fail(rel, "missing")
        return None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        fail(rel, f"not valid YAML{at}: {getattr(e, 'problem', e)}")
        return None
    if not isinstance(doc, dict):
        fail(rel, "not a YAML mapping")
        return None
    ok(f"{rel}: parses as YAML")
    return doc


def env_map(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.split("=", 1) if "=" in e else (e, None) for e in env)
    return {k: ("" if v is None else str(v)) for k, v in env.items()}


def volume_mounts(service):
    """(source, target, read_only) of the service's short- and long-syntax volumes."""
    out = []
    for v in service.get("volumes") or []:
        if isinstance(v, str):
            parts = v.split(":")
            src, tgt = (parts[0], parts[1]) if len(parts) > 1 else (None, parts[0])
            out.append((src, tgt, len(parts) > 2 and "ro" in parts[2].split(",")))
        else:
            out.append((v.get("source"), v.get("target"), bool(v.get("read_only"))))
    return out


def is_named_volume(src):
    return src and not src.startswith((".", "/", "~", "$"))


def duration_ok(s):
    return isinstance(s, str) and re.fullmatch(r"(\d+(\.\d+)?(ns|us|ms|s|m|h))+", s) is not None


def flink_properties(text):
    props = {}
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        props[key.strip()] = value.strip() if sep else None
    return props


def check_compose(doc, rel):
    services = doc.get("services") or {}
    volumes = doc.get("volumes") or {}
    check(doc.get("name") == "tradesignal", rel, "the project is named tradesignal")
    for name in ["kafka", "jobmanager", "taskmanager", "simulator", "submit", "publisher"]:
        check(name in services, rel, f"has the service {name}")
    for name in ["checkpoints", "savepoints", "state", "kafka-data"]:
        check(name in volumes, rel, f"declares the volume {name}")
    if not all(n in services for n in ["kafka", "jobmanager", "taskmanager", "simulator", "submit", "publisher"]):
        return

    # volumes: declared ones used, used ones declared, and mounted where the job and the publisher expect them
    used = set()
    for sname, svc in services.items():
        for src, tgt, _ in volume_mounts(svc):
            if is_named_volume(src):
                used.add(src)
                if src not in volumes:
                    fail(rel, f"service {sname} mounts the volume {src}, which is not declared under volumes:")
    for v in volumes:
        if v not in used:
            fail(rel, f"the volume {v} is declared but no service mounts it")

    def mounted(sname, vol, target, read_only=None):
        for src, tgt, ro in volume_mounts(services[sname]):
            if src == vol and tgt == target and (read_only is None or ro == read_only):
                return True
        return False

    for sname in ["jobmanager", "taskmanager"]:
        check(mounted(sname, "checkpoints", "/checkpoints", False), rel, f"{sname} mounts checkpoints at /checkpoints")
        check(mounted(sname, "savepoints", "/savepoints", False), rel, f"{sname} mounts savepoints at /savepoints")
        check(mounted(sname, "state", "/state", False), rel, f"{sname} mounts state at /state")
    check(mounted("publisher", "state", "/state", False), rel, "publisher mounts state at /state (the token store)")
    check(mounted("submit", "checkpoints", "/checkpoints") and mounted("submit", "savepoints", "/savepoints"), rel,
          "submit sees /checkpoints and /savepoints (to resume from the newest)")
    check(mounted("submit", "state", "/state", False), rel, "submit mounts state at /state")

    # health checks, and depends_on conditions that can be met
    for sname in ["kafka", "jobmanager", "publisher"]:
        hc = services[sname].get("healthcheck") or {}
        test = hc.get("test")
        good = (not hc.get("disable") and isinstance(test, list) and len(test) > 1 and test[0] in ("CMD", "CMD-SHELL")
                and all(duration_ok(hc[k]) for k in ("interval", "timeout", "start_period") if k in hc))
        check(good, rel, f"{sname} has a health check ({' '.join(map(str, test)) if isinstance(test, list) else test})")
    check("kafka-broker-api-versions.sh" in str(services["kafka"]["healthcheck"]["test"])
          or "kafka-topics.sh" in str(services["kafka"]["healthcheck"]["test"]), rel, "kafka's health check asks the broker")
    check("/overview" in str(services["jobmanager"]["healthcheck"]["test"]), rel, "jobmanager's health check is REST /overview")
    check("/health" in str(services["publisher"]["healthcheck"]["test"]), rel, "publisher's health check is /health")
    for sname, svc in services.items():
        deps = svc.get("depends_on") or {}
        if isinstance(deps, list):
            deps = {d: {"condition": "service_started"} for d in deps}
        for dep, spec in deps.items():
            if dep not in services:
                fail(rel, f"service {sname} depends on {dep}, which does not exist")
            elif (spec or {}).get("condition") == "service_healthy" and not services[dep].get("healthcheck"):
                fail(rel, f"service {sname} waits for {dep} to be healthy, but {dep} has no health check")

    def condition(sname, dep):
        deps = services[sname].get("depends_on") or {}
        return isinstance(deps, dict) and (deps.get(dep) or {}).get("condition")

    check(condition("submit", "kafka") == "service_healthy", rel, "submit waits for kafka to be healthy")
    check(condition("submit", "jobmanager") == "service_healthy", rel, "submit waits for jobmanager to be healthy")
    check(condition("taskmanager", "jobmanager") == "service_healthy", rel, "taskmanager waits for jobmanager to be healthy")
    check(condition("publisher", "kafka") == "service_healthy", rel, "publisher waits for kafka to be healthy")
    check(condition("submit", "publisher") == "service_healthy", rel,
          "submit waits for the publisher to be healthy (the simulated login goes through it)")
    check(condition("submit", "simulator") is not None, rel, "submit starts the simulator")
    check(str(services["submit"].get("restart", "no")) in ("no", "False", "false"), rel, "submit is one-shot (restart: \"no\")")

    # Kafka: one KRaft node
    kafka = services["kafka"]
    kenv = env_map(kafka)
    check(str(kafka.get("image", "")).startswith("apache/kafka:"), rel, f"kafka runs the official image ({kafka.get('image')})")
    check(set(kenv.get("KAFKA_PROCESS_ROLES", "").split(",")) == {"broker", "controller"}, rel,
          "kafka is broker and controller (KRaft, no ZooKeeper)")
    node = kenv.get("KAFKA_NODE_ID", "")
    check(any(v.split("@")[0] == node for v in kenv.get("KAFKA_CONTROLLER_QUORUM_VOTERS", "").split(",")), rel,
          f"the controller quorum has node {node}")
    listeners = {l.split("://")[0] for l in kenv.get("KAFKA_LISTENERS", "").split(",") if "://" in l}
    advertised = {l.split("://")[0] for l in kenv.get("KAFKA_ADVERTISED_LISTENERS", "").split(",") if "://" in l}
    protocols = {p.split(":")[0] for p in kenv.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",") if ":" in p}
    controller = kenv.get("KAFKA_CONTROLLER_LISTENER_NAMES", "")
    check(listeners and listeners <= protocols, rel, f"every Kafka listener ({', '.join(sorted(listeners))}) has a protocol")
    check(advertised and advertised <= listeners and controller not in advertised, rel,
          "Kafka advertises only its broker listeners")
    check(controller in listeners, rel, f"Kafka listens on its controller listener {controller}")
    check(kenv.get("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT") in listeners, rel, "the inter-broker listener exists")
    check("PLAINTEXT://kafka:9092" in kenv.get("KAFKA_ADVERTISED_LISTENERS", ""), rel,
          "Kafka is kafka:9092 for the other containers")
    for key in ["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"]:
        check(kenv.get(key) == "1", rel, f"{key}=1 (one broker; the signals sink is transactional)")
    check(kenv.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE") == "false", rel, "Kafka creates no topic by itself (submit creates them)")
    log_dirs = kenv.get("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs")
    check(mounted("kafka", "kafka-data", log_dirs), rel, f"kafka-data is Kafka's log directory {log_dirs}")

    # Flink: one configuration for the JobManager and the TaskManagers
    jm_env, tm_env = env_map(services["jobmanager"]), env_map(services["taskmanager"])
    check(jm_env == tm_env, rel, "jobmanager and taskmanager have the same Flink configuration")
    props = flink_properties(jm_env.get("FLINK_PROPERTIES"))
    expected = {
        "jobmanager.rpc.address": "jobmanager",
        "state.backend.type": "rocksdb",
        "state.backend.rocksdb.timer-service.factory": "HEAP",
        "execution.checkpointing.dir": "file:///checkpoints",
        "execution.checkpointing.savepoint-dir": "file:///savepoints",
        "execution.checkpointing.externalized-checkpoint-retention": "RETAIN_ON_CANCELLATION",
        "taskmanager.numberOfTaskSlots": "2",
    }
    for key, value in expected.items():
        check(props.get(key) == value, rel, f"FLINK_PROPERTIES {key}: {value}")
    check(duration_ok(props.get("execution.checkpointing.interval")), rel,
          f"FLINK_PROPERTIES execution.checkpointing.interval is a duration ({props.get('execution.checkpointing.interval')})")
    for key, value in props.items():
        if value is None or re.search(r"\s", value):
            fail(rel, f"FLINK_PROPERTIES '{key}': the Flink image's entrypoint wants 'key: value' without spaces in the value")
    check(services["jobmanager"].get("command") == "jobmanager" and services["taskmanager"].get("command") == "taskmanager",
          rel, "the Flink services run the image's jobmanager and taskmanager commands")

    # scaling the TaskManagers: nothing that must be unique per container
    tm = services["taskmanager"]
    check("container_name" not in tm and "hostname" not in tm, rel, "taskmanager has no container_name or hostname (scalable)")
    check(not tm.get("ports"), rel, "taskmanager publishes no port (scalable)")
    check(str(tm.get("scale")) == "1" and "replicas" not in (tm.get("deploy") or {}), rel,
          "taskmanager runs 1 container unless TASKMANAGERS or --scale says otherwise")

    # images: built ones come from an existing Dockerfile and stage; others are pinned official images or built here
    built = {}
    for sname, svc in services.items():
        b = svc.get("build")
        if not b:
            continue
        if isinstance(b, str):
            b = {"context": b}
        context = os.path.normpath(os.path.join(DOCKER, b.get("context", ".")))
        dockerfile = os.path.join(context, b.get("dockerfile", "Dockerfile"))
        drel = os.path.relpath(dockerfile, ROOT)
        if check(os.path.isdir(context) and os.path.isfile(dockerfile), rel,
                 f"{sname} builds {drel} in {os.path.relpath(context, ROOT) or '.'}"):
            stages = [s["name"] for s in parse_dockerfile(drel)["stages"]]
            if b.get("target"):
                check(b["target"] in stages, rel, f"{sname}'s target {b['target']} is a stage of {drel}")
        if svc.get("image"):
            built[svc["image"]] = sname
    for sname, svc in services.items():
        image = svc.get("image", "")
        if svc.get("build"):
            continue
        if image in built:
            ok(f"{rel}: {sname} runs the image {image} that {built[image]} builds")
        elif re.fullmatch(r"[\w./-]+:[\w.-]+", image) and not image.endswith(":latest"):
            ok(f"{rel}: {sname} runs the pinned image {image}")
        else:
            fail(rel, f"service {sname}: image {image!r} is neither built here nor pinned to a version")

    # ports: on localhost by default
    for sname, svc in services.items():
        for p in svc.get("ports") or []:
            host_ip = str(p).split(":")[0] if str(p).count(":") >= 2 else None
            check(host_ip == "127.0.0.1", rel, f"{sname} publishes {p} on 127.0.0.1 only (by default)")
    check(any(str(p).endswith(":8000") for p in services["publisher"].get("ports") or []), rel, "publisher publishes port 8000")

    # the job and the publisher
    senv = env_map(services["submit"])
    check(senv.get("TRADESIGNAL_MODE") == "simulator", rel, "the default mode is simulator (no account needed)")
    check("KITE_API_SECRET" not in senv and "KITE_ACCESS_TOKEN" not in senv, rel,
          "no Kite secret or access token goes to the job's submitter")
    for sname in ["jobmanager", "taskmanager", "kafka"]:
        if any("SECRET" in k for k in env_map(services[sname])):
            fail(rel, f"service {sname} gets a secret; only the publisher may")
    penv = env_map(services["publisher"])
    check(penv.get("KAFKA_BOOTSTRAP") == "kafka:9092", rel, "publisher reads Kafka at kafka:9092")
    modes = {n: env_map(services[n]).get("TRADESIGNAL_MODE") for n in ["simulator", "submit", "publisher"]}
    check(len(set(modes.values())) == 1, rel, f"simulator, submit and publisher follow one TRADESIGNAL_MODE ({modes})")
    sim = services["simulator"]
    check(sim.get("image") == services["publisher"].get("image"), rel, "simulator runs the publisher's image (it has the CLI)")
    check(str(sim.get("restart")) == "on-failure", rel, "simulator restarts on failure only (it exits 0 in live mode)")
    check(not sim.get("ports"), rel, "simulator is not published on the host")


def check_secrets_override(doc, rel, base):
    services = doc.get("services") or {}
    secrets = doc.get("secrets") or {}
    for sname, svc in services.items():
        check(sname in (base.get("services") or {}), rel, f"overrides the existing service {sname}")
        for s in svc.get("secrets") or []:
            name = s if isinstance(s, str) else s.get("source")
            check(name in secrets, rel, f"{sname}'s secret {name} is declared")
    env = env_map(services.get("publisher", {}))
    for var in ["KITE_API_SECRET_FILE", "TRADESIGNAL_DASHBOARD_TOKEN_FILE"]:
        check(str(env.get(var, "")).startswith("/run/secrets/"), rel, f"publisher gets {var} from a secret")
    check(str(env_map(services.get("submit", {})).get("TRADESIGNAL_DASHBOARD_TOKEN_FILE", "")).startswith("/run/secrets/"),
          rel, "submit gets the dashboard token from the same secret (for the simulated login)")


def schema_validate(docs):
    schema_path = os.environ.get("COMPOSE_SPEC_SCHEMA")
    if not schema_path:
        note("compose files not validated against the Compose Specification's schema (set COMPOSE_SPEC_SCHEMA to compose-spec.json)")
        return
    try:
        import jsonschema
    except ImportError:
        note("compose files not validated against the schema: the python jsonschema module is missing")
        return
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    for rel, doc in docs:  # after interpolation, as compose validates them
        errors = sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.path])
        for e in errors:
            fail(rel, f"Compose schema: at {'/'.join(map(str, e.path)) or '(top)'}: {e.message}")
        if not errors:
            ok(f"{rel}: valid against the Compose Specification schema")


# ---------------------------------------------------------------- Dockerfiles and their ignore files

def dockerfile_instructions(rel):
    """(line number, INSTRUCTION, rest) with continuation lines joined and comments dropped."""
    out, buf, start = [], "", None
    for n, line in enumerate(read(rel).splitlines(), 1):
        stripped = line.strip()
        if not buf and (not stripped or stripped.startswith("#")):
            continue
        if buf and stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if start is None:
            start = n
        if stripped.endswith("\\"):
            buf += stripped[:-1] + " "
            continue
        buf += stripped
        word, _, rest = buf.partition(" ")
        out.append((start, word.upper(), rest.strip()))
        buf, start = "", None
    if buf:
        fail(rel, f"line {start}: the file ends inside a continued instruction")
    return out


_parsed = {}


def parse_dockerfile(rel):
    if rel in _parsed:
        return _parsed[rel]
    args, stages = {}, []
    for n, instr, rest in dockerfile_instructions(rel):
        if instr == "ARG" and not stages:
            name, _, default = rest.partition("=")
            args[name.strip()] = default.strip().strip('"')
        elif instr == "FROM":
            words = [w for w in rest.split() if not w.startswith("--")]
            base = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), m.group(0)), words[0])
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append({"name": name, "base": base, "line": n, "instructions": []})
        elif stages:
            stages[-1]["instructions"].append((n, instr, rest))
    _parsed[rel] = {"args": args, "stages": stages}
    return _parsed[rel]


def ignore_patterns(dockerfile_rel):
    rel = dockerfile_rel + ".dockerignore"
    if not os.path.isfile(os.path.join(ROOT, rel)):
        rel = ".dockerignore"
        if not os.path.isfile(os.path.join(ROOT, rel)):
            return rel, []
    pats = []
    for line in read(rel).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        neg = line.startswith("!")
        pat = os.path.normpath(line[1:] if neg else line).lstrip("/")
        pats.append((neg, pattern_regex(pat)))
    return rel, pats


def pattern_regex(pat):
    """A .dockerignore pattern (Go filepath.Match plus **) as a regular expression for a relative path."""
    out, i = "", 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
            continue
        if pat.startswith("**", i):
            out += ".*"
            i += 2
            continue
        if c == "*":
            out += "[^/]*"
        elif c == "?":
            out += "[^/]"
        elif c == "[":
            j = pat.find("]", i)
            out += pat[i:j + 1] if j > 0 else re.escape(c)
            i = j if j > 0 else i
        else:
            out += re.escape(c)
        i += 1
    return re.compile(out + r"\Z")


def ignored(path, pats):
    """Whether the build context leaves path (relative to the context root) out, as Docker decides it: patterns in
    order, each matching the path or one of its parent directories, the last match wins ("!" patterns put back)."""
    parts = path.split("/")
    candidates = ["/".join(parts[:k]) for k in range(len(parts), 0, -1)]
    excluded = False
    for neg, rx in pats:
        if any(rx.match(c) for c in candidates):
            excluded = not neg
    return excluded


def maven_modules(pom_rel):
    """Every module directory of the reactor, relative to the root, from pom.xml's <module> lists."""
    out = []
    try:
        tree = ET.parse(os.path.join(ROOT, pom_rel))
    except (OSError, ET.ParseError) as e:
        fail(pom_rel, f"cannot read it: {e}")
        return out
    base = os.path.dirname(pom_rel)
    for m in tree.getroot().findall("m:modules/m:module", POM_NS):
        d = os.path.normpath(os.path.join(base, m.text.strip()))
        out.append(d)
        if os.path.isfile(os.path.join(ROOT, d, "pom.xml")):
            out.extend(maven_modules(os.path.join(d, "pom.xml")))
    return out


def pom_property(name):
    tree = ET.parse(os.path.join(ROOT, "pom.xml"))
    el = tree.getroot().find(f"m:properties/m:{name}", POM_NS)
    return el.text.strip() if el is not None else None


def build_products(workdir):
    """What `mvn package` in the build stage leaves under workdir: the shade plugin's finalName jars and the
    dependency plugin's output directories of every module, as absolute paths in the image."""
    out = set()
    for module in [""] + maven_modules("pom.xml"):
        pom = os.path.join(ROOT, module, "pom.xml")
        if not os.path.isfile(pom):
            continue
        text = open(pom, encoding="utf-8").read()
        for name in re.findall(r"<finalName>([^<$]+)</finalName>", text):
            out.add(os.path.join(workdir, module, "target", name.strip() + ".jar"))
        for d in re.findall(r"<outputDirectory>\$\{project\.build\.directory\}/([^<]+)</outputDirectory>", text):
            out.add(os.path.join(workdir, module, "target", d.strip()))
    return out


def copy_args(rest):
    if rest.startswith("["):
        words = json.loads(rest)
    else:
        words = rest.split()
    flags = {}
    while words and words[0].startswith("--"):
        k, _, v = words.pop(0)[2:].partition("=")
        flags[k] = v
    return flags, words[:-1], words[-1] if words else None


def check_dockerfile(rel, base_images):
    df = parse_dockerfile(rel)
    stages = df["stages"]
    names = {s["name"]: s for s in stages if s["name"]}
    if not check(stages, rel, "has stages"):
        return
    ignore_rel, pats = ignore_patterns(rel)
    if pats:
        ok(f"{rel}: build context filtered by {ignore_rel}")
    else:
        fail(rel, "no ignore file: the whole repository, target/ and node_modules/ included, would be sent as context")

    first = read(rel).splitlines()[0] if read(rel) else ""
    uses_buildkit = any("--mount=" in r or "--chmod" in r for s in stages for _, i, r in s["instructions"])
    if uses_buildkit:
        check(first.startswith("# syntax=docker/dockerfile:1"), rel, "declares the Dockerfile syntax it uses (RUN --mount, COPY --chmod)")

    for s in stages:
        base = s["base"]
        if base in names or base == "scratch":
            continue
        if "$" in base:
            fail(rel, f"line {s['line']}: FROM {base}: a build argument without a default")
        elif ":" not in base.split("/")[-1] or base.endswith(":latest"):
            fail(rel, f"line {s['line']}: FROM {base}: pin the image to a version")
        else:
            base_images.add(base)
            ok(f"{rel}: stage {s['name'] or '(unnamed)'} is based on {base}")

    def lineage(stage):
        seen = []
        while stage is not None:
            seen.append(stage)
            stage = names.get(stage["base"])
        return seen

    for s in stages:
        workdir = "/"
        for n, instr, rest in s["instructions"]:
            if instr == "WORKDIR":
                workdir = os.path.join(workdir, rest)
            if instr not in ("COPY", "ADD"):
                continue
            flags, sources, dest = copy_args(rest)
            src_stage = flags.get("from")
            for src in sources:
                where = f"line {n}: {instr} {src}"
                if src_stage is None:
                    matches = glob.glob(os.path.join(ROOT, src))
                    if not matches:
                        fail(rel, f"{where}: no such file in the build context (the repository root)")
                        continue
                    for m in matches:
                        p = os.path.relpath(m, ROOT)
                        if p != "." and ignored(p, pats):
                            fail(rel, f"{where}: {ignore_rel} leaves it out of the build context")
                    ok(f"{rel}: {where} exists in the repository")
                elif src_stage in names and names[src_stage]["base"] not in names:
                    from_stage = names[src_stage]
                    if from_stage["name"] == "build":
                        build_workdir = "/"
                        for _, i2, r2 in from_stage["instructions"]:
                            if i2 == "WORKDIR":
                                build_workdir = os.path.join(build_workdir, r2)
                        products = build_products(build_workdir)
                        if os.path.normpath(src) in products:
                            ok(f"{rel}: {where}: the build stage's mvn package produces it (job's pom.xml)")
                        else:
                            fail(rel, f"{where}: not something the build stage's mvn package produces "
                                      f"(it produces {', '.join(sorted(products))})")
                    else:
                        note(f"{rel}: {where} comes from the image {from_stage['base']} (not checked offline)")
                elif src_stage in names:
                    note(f"{rel}: {where} comes from stage {src_stage}")
                else:
                    note(f"{rel}: {where} comes from the image {src_stage} (not checked offline)")

    # the scripts the images start are copied to where they are started from
    for s in stages:
        copied = set()
        for st in lineage(s):
            for _, instr, rest in st["instructions"]:
                if instr in ("COPY", "ADD"):
                    _, _, dest = copy_args(rest)
                    copied.add(dest)
        for n, instr, rest in s["instructions"]:
            if instr in ("CMD", "ENTRYPOINT") and rest.startswith("["):
                exe = json.loads(rest)[0]
                if exe.startswith(("/opt/tradesignal/", "/usr/local/bin/tradesignal")):
                    check(exe in copied, rel, f"stage {s['name']}: {instr} {exe} is copied into the image")

    # every Maven module reaches the build stage (it copies the whole context)
    build = names.get("build")
    if build and any(i == "COPY" and copy_args(r)[1] == ["."] for _, i, r in build["instructions"]):
        modules = maven_modules("pom.xml")
        for module in modules:
            for path in (os.path.join(module, "pom.xml"), os.path.join(module, "src")):
                if os.path.exists(os.path.join(ROOT, path)) and ignored(path, pats):
                    fail(rel, f"{ignore_rel} leaves {path} out of the build context, but the Maven build needs it")
            if not os.path.isfile(os.path.join(ROOT, module, "pom.xml")):
                fail("pom.xml", f"the module {module} has no pom.xml")
        ok(f"{rel}: every Maven module ({', '.join(modules)}) is in the build context")
        for path in ("publisher/package.json", "publisher/package-lock.json", "publisher/build-dashboard.sh"):
            check(os.path.isfile(os.path.join(ROOT, path)) and not ignored(path, pats), rel,
                  f"{path} (the dashboard build) is in the build context")
        for path in ("job/target/tradesignal-job.jar", "publisher/node_modules/x", "demo-out/x", ".git/HEAD"):
            check(ignored(path, pats), rel, f"{ignore_rel} leaves {path.rsplit('/x', 1)[0]} out")


def build_block(rel):
    text = read(rel)
    m = re.search(r"^# ---- build:.*?^# ---- end of the build block$", text, re.S | re.M)
    return m.group(0) if m else None


def check_dockerfiles():
    base_images = set()
    for rel in DOCKERFILES:
        if not os.path.isfile(os.path.join(ROOT, rel)):
            fail(rel, "missing")
            continue
        check_dockerfile(rel, base_images)
    blocks = [build_block(rel) for rel in DOCKERFILES]
    check(all(blocks) and len(set(blocks)) == 1, DOCKERFILES[1],
          f"the build block is the same as in {DOCKERFILES[0]} (so that BuildKit can share it)")
    ignores = []
    for rel in DOCKERFILES:
        path = os.path.join(ROOT, rel + ".dockerignore")
        if os.path.isfile(path):
            ignores.append([l for l in open(path, encoding="utf-8").read().splitlines() if l.strip() and not l.startswith("#")])
    check(len(ignores) == 2 and ignores[0] == ignores[1], DOCKERFILES[1] + ".dockerignore",
          "has the same patterns as " + DOCKERFILES[0] + ".dockerignore")

    # the images match the versions the project builds against
    flink_version, kafka_version = pom_property("flink.version"), pom_property("kafka.version")
    flink = [b for b in base_images if b.startswith("flink:")]
    check(flink and all(b.split(":")[1].startswith(flink_version + "-") and "java17" in b for b in flink), DOCKERFILES[0],
          f"the Flink image ({', '.join(flink)}) is Flink {flink_version} on Java 17, as pom.xml")
    kafka = [b for b in base_images if b.startswith("apache/kafka:")]
    check(kafka and all(b.split(":")[1] == kafka_version for b in kafka), DOCKERFILES[0],
          f"the Kafka tools' image ({', '.join(kafka)}) is Kafka {kafka_version}, as pom.xml")
    return kafka_version


# ---------------------------------------------------------------- the launcher in the image, the job class

def check_launcher():
    mine, theirs = read("docker/tradesignal.sh"), read("tradesignal")
    flags = lambda text: sorted(set(re.findall(r"--add-(?:opens|exports)=\S+", text)))
    check(flags(mine) == flags(theirs), "docker/tradesignal.sh", "passes the same --add-opens/--add-exports as ./tradesignal")
    main = lambda text: set(re.findall(r"com\.tradesignal\.cli\.\w+", text))
    check(main(mine) == main(theirs), "docker/tradesignal.sh", "runs the same main class as ./tradesignal")
    check(os.path.isfile(os.path.join(ROOT, "job/src/main/resources/tradesignal-cli-log4j2.properties")),
          "docker/tradesignal.sh", "its default log configuration is a resource of the job jar")
    m = re.search(r"JOB_CLASS=([\w.]+)", read("docker/submit-job.sh"))
    cls = m.group(1) if m else None
    src = os.path.join(ROOT, "job/src/main/java", *(cls or "x").split(".")) + ".java"
    if cls and os.path.isfile(src):
        ok(f"docker/submit-job.sh: submits {cls}, which is in job/src/main/java")
    else:
        note(f"docker/submit-job.sh: submits {cls}, which is not (yet) in job/src/main/java")


def main():
    base = load_yaml(COMPOSE)
    docs = []
    if base is not None:
        resolved = interpolate_tree(base, {}, COMPOSE)
        docs.append((COMPOSE, resolved))
        check_compose(resolved, COMPOSE)
        # the same with live-mode settings, as a user would set them
        live_env = {"TRADESIGNAL_MODE": "live", "KITE_API_KEY": "key", "KITE_API_SECRET": "s", "PUBLISHER_BIND": "0.0.0.0",
                    "TRADESIGNAL_DASHBOARD_TOKEN": "t"}
        live = interpolate_tree(base, live_env, COMPOSE)
        check(env_map(live["services"]["submit"]).get("TRADESIGNAL_MODE") == "live"
              and env_map(live["services"]["publisher"]).get("KITE_API_SECRET") == "s", COMPOSE,
              "the live-mode variables reach the submitter and the publisher")
    override = load_yaml(SECRETS)
    if override is not None and base is not None:
        resolved = interpolate_tree(override, {}, SECRETS)
        docs.append((SECRETS, resolved))
        check_secrets_override(resolved, SECRETS, base)
    schema_validate(docs)
    kafka_version = check_dockerfiles()
    if base is not None:
        image = str((base.get("services") or {}).get("kafka", {}).get("image", ""))
        check(image == f"apache/kafka:{kafka_version}", COMPOSE, f"the broker ({image}) is Kafka {kafka_version}, as pom.xml")
    check_launcher()
    print()
    if failures:
        print(f"docker/check.py: {len(failures)} problem(s): " + "; ".join(sorted({p for p, _ in failures})))
        sys.exit(1)
    print("docker/check.py: all file checks passed")


if __name__ == "__main__":
    main()
