"use strict";
exports.id = 44;
exports.ids = [44];
exports.modules = {

/***/ 7218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ PREVIEW_TEMPLATE),
/* harmony export */   Wj: () => (/* binding */ GRAFANA_ROLE_OWNERSHIP_FIX),
/* harmony export */   Zd: () => (/* binding */ GRAFANA_ROLE_TEMPLATE)
/* harmony export */ });
/** The templates under templates/ the build modes deploy (readTemplate reads them from the bundle's assets). */
const PREVIEW_TEMPLATE = 'preview-stack.yaml';
const GRAFANA_ROLE_TEMPLATE = 'grafana-workspace-role.yaml';
/** destroy refuses the role stack with the same words: it lives here, where neither mode's module has to be loaded for it. */
const GRAFANA_ROLE_OWNERSHIP_FIX = 'The role stack is named after the repository; one of that name exists and is not this repository\'s. Pass grafana-role-arn to use a role of your own, or delete that stack if it is unused.';


/***/ }),

/***/ 4753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GRAFANA_WORK_SECONDS: () => (/* reexport */ build/* GRAFANA_WORK_SECONDS */.r2),
  dashboard: () => (/* binding */ dashboard),
  prepareUp: () => (/* binding */ prepareUp),
  tokenTtlSeconds: () => (/* reexport */ build/* tokenTtlSeconds */.xr),
  trustSection: () => (/* reexport */ render_build/* trustSection */.e)
});

// EXTERNAL MODULE: ./src/assets.ts
var assets = __webpack_require__(5462);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./node_modules/@prometheus-io/lezer-promql/dist/index.es.js + 3 modules
var index_es = __webpack_require__(6828);
;// CONCATENATED MODULE: ./src/grafana/promql.ts

// Grafana's own macros and variables are not PromQL; they are replaced before the query runs.
const GRAFANA_VARIABLES = /\$__(rate_interval|interval|range)|\$\{?[A-Za-z_]\w*\}?/g;
/** Parses an expression with the official PromQL grammar and lists the metrics and labels it relies on. */
function analysePromql(expr) {
    const text = expr.replace(GRAFANA_VARIABLES, (m) => (m.startsWith('$__') ? '5m' : 'x'.repeat(m.length)));
    const tree = index_es/* parser */.K3D.parse(text);
    const metrics = new Set();
    const labels = new Set();
    let errorAt;
    tree.iterate({
        enter: (node) => {
            if (node.type.isError && errorAt === undefined)
                errorAt = node.from;
            if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
                metrics.add(text.slice(node.from, node.to));
            if (node.name === 'LabelName') {
                const name = text.slice(node.from, node.to);
                if (name === '__name__')
                    return;
                labels.add(name);
            }
        },
    });
    return { metrics: [...metrics], labels: [...labels], errorAt };
}

;// CONCATENATED MODULE: ./src/grafana/dashboard-check.ts

/**
 * What is wrong with a dashboard, each problem naming the panel: no title, an expression that does
 * not parse, or a metric or label the collector never produces. The last is the bug that left the
 * original workshop's dashboard empty: queries for names the pipeline no longer emitted.
 */
function checkDashboard(file, dashboard, vocabulary) {
    const problems = [];
    const d = dashboard;
    if (!d || typeof d !== 'object' || typeof d.title !== 'string' || !d.title.trim())
        problems.push(`${file}: the dashboard has no title`);
    for (const panel of flatten(d?.panels ?? [])) {
        const where = `${file}: panel ${panel.id ?? '?'} '${panel.title ?? ''}'`;
        for (const target of panel.targets ?? []) {
            if (!target.expr)
                continue;
            const use = analysePromql(target.expr);
            if (use.errorAt !== undefined) {
                problems.push(`${where}, query ${target.refId ?? '?'}: PromQL does not parse at character ${use.errorAt + 1}: ${target.expr}`);
                continue;
            }
            if (!vocabulary)
                continue;
            for (const m of use.metrics)
                if (!vocabulary.metrics.includes(m))
                    problems.push(`${where}: metric '${m}' is not produced by the collector configuration`);
            for (const l of use.labels)
                if (!vocabulary.labels.includes(l))
                    problems.push(`${where}: label '${l}' is not produced by the collector configuration`);
        }
    }
    return problems;
}
function flatten(panels) {
    return panels.flatMap((p) => [p, ...flatten(p.panels ?? [])]);
}

;// CONCATENATED MODULE: ./src/grafana/json-position.ts
/**
 * Where JSON text stops being valid, as line:column and what was expected, never quoting the text:
 * V8's JSON.parse messages quote the input around the error ("Unexpected token 'x', "…" is not
 * valid JSON"), and a file under dashboards-path may be anything the checkout links to. Used only
 * after JSON.parse failed, so it favours being simple over being fast.
 */
function jsonProblem(text) {
    const found = locate(text);
    if (!found)
        return 'not valid JSON';
    const { line, column } = lineColumn(text, found.offset);
    return `not valid JSON at line ${line}, column ${column}: ${found.expected}`;
}
/** The first offset at which `text` is not JSON (RFC 8259), with what should have been there; undefined when it is JSON. */
function locate(text) {
    let i = 0;
    const fail = (expected) => {
        throw new Located(i, expected);
    };
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const literal = (word) => {
        for (const c of word) {
            if (text[i] !== c)
                fail(`'${word}'`);
            i++;
        }
    };
    const string = () => {
        i++; // opening quote
        for (;;) {
            if (i >= text.length)
                fail('a closing quote (the string is not terminated)');
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                i++;
                return;
            }
            if (c < 0x20)
                fail('no control character inside a string (escape it)');
            if (c === 0x5c) {
                i++;
                const e = text[i];
                if (e === 'u') {
                    for (let k = 1; k <= 4; k++)
                        if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
                            i += k;
                            fail('four hex digits after \\u');
                        }
                    i += 5;
                }
                else if (e !== undefined && '"\\/bfnrt'.includes(e))
                    i++;
                else
                    fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
            }
            else
                i++;
        }
    };
    const number = () => {
        if (text[i] === '-')
            i++;
        if (text[i] === '0')
            i++;
        else if (/[1-9]/.test(text[i] ?? ''))
            while (/[0-9]/.test(text[i] ?? ''))
                i++;
        else
            fail('a digit');
        if (text[i] === '.') {
            i++;
            if (!/[0-9]/.test(text[i] ?? ''))
                fail('a digit after the decimal point');
            while (/[0-9]/.test(text[i] ?? ''))
                i++;
        }
        if (text[i] === 'e' || text[i] === 'E') {
            i++;
            if (text[i] === '+' || text[i] === '-')
                i++;
            if (!/[0-9]/.test(text[i] ?? ''))
                fail('a digit in the exponent');
            while (/[0-9]/.test(text[i] ?? ''))
                i++;
        }
    };
    const value = (depth) => {
        // Deeper than any dashboard; keeps the recursion far from the stack limit.
        if (depth > 512)
            fail('less nesting (over 512 levels)');
        ws();
        const c = text[i];
        if (c === undefined)
            fail('a value (the file ends early)');
        if (c === '{') {
            i++;
            ws();
            if (text[i] === '}') {
                i++;
                return;
            }
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail(text[i] === undefined ? "a property name or '}' (the file ends early)" : 'a property name in double quotes');
                string();
                ws();
                if (text[i] !== ':')
                    fail("':' after the property name");
                i++;
                value(depth + 1);
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === '}') {
                    i++;
                    return;
                }
                fail(text[i] === undefined ? "',' or '}' (the file ends early)" : "',' or '}'");
            }
        }
        if (c === '[') {
            i++;
            ws();
            if (text[i] === ']') {
                i++;
                return;
            }
            for (;;) {
                value(depth + 1);
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === ']') {
                    i++;
                    return;
                }
                fail(text[i] === undefined ? "',' or ']' (the file ends early)" : "',' or ']'");
            }
        }
        if (c === '"')
            return string();
        if (c === 't')
            return literal('true');
        if (c === 'f')
            return literal('false');
        if (c === 'n')
            return literal('null');
        if (c === '-' || /[0-9]/.test(c))
            return number();
        fail('a value (object, array, string, number, true, false or null)');
    };
    try {
        value(0);
        ws();
        if (i < text.length)
            fail('the end of the file after the top-level value');
        return undefined;
    }
    catch (err) {
        if (err instanceof Located)
            return { offset: err.offset, expected: err.expected };
        throw err;
    }
}
class Located {
    offset;
    expected;
    constructor(offset, expected) {
        this.offset = offset;
        this.expected = expected;
    }
}
/** 1-based line and column (in UTF-16 code units, as editors count for the BMP). */
function lineColumn(text, offset) {
    let line = 1;
    let start = 0;
    for (let k = 0; k < offset && k < text.length; k++) {
        if (text[k] === '\n') {
            line++;
            start = k + 1;
        }
    }
    return { line, column: offset - start + 1 };
}

;// CONCATENATED MODULE: ./src/grafana/dashboard-files.ts





/**
 * The largest dashboard file read: 16 MiB, the most Grafana can store of one dashboard. Its
 * `dashboard.data` column is MEDIUMTEXT on MySQL (pkg/services/sqlstore/migrations/dashboard_mig.go),
 * 16,777,215 bytes, and a larger dashboard is silently truncated (grafana/grafana#101094).
 */
const MAX_DASHBOARD_FILE_BYTES = 16 * 1024 * 1024;
/**
 * The most read in all: every dashboard is held in memory, parsed, and sent within one step. Two
 * dashboards of Grafana's maximum size is far beyond any real set, and keeps a runaway folder from
 * costing the runner's memory or the step's time before anything is written.
 */
const MAX_DASHBOARDS_TOTAL_BYTES = 32 * 1024 * 1024;
/** Plugin ids a dashboard input may ask for and still be bound to the environment's AMP data source. */
const PROMETHEUS_PLUGINS = new Set(['prometheus', 'grafana-amazonprometheus-datasource']);
/**
 * Reads the bundled dashboards and the user's, and checks all of them before anything is written
 * to Grafana: unreadable JSON, a missing title, PromQL that does not parse, or an input the action
 * cannot bind are reported together, each naming its file (and panel).
 */
function loadDashboards(bundledDir, workspace, userPath) {
    const problems = [];
    const files = [];
    let total = 0;
    const read = (path, shown, primary) => {
        const text = readCapped(path, shown, problems, () => total, (n) => (total += n));
        if (text === undefined)
            return;
        let dashboard;
        try {
            dashboard = JSON.parse(text);
        }
        catch {
            // By position only: V8's message quotes the text, and the text need not be the user's to show.
            problems.push(`${shown}: ${jsonProblem(text)}`);
            return;
        }
        if (!dashboard || typeof dashboard !== 'object' || Array.isArray(dashboard)) {
            problems.push(`${shown}: not a dashboard (the file must hold one JSON object, as Grafana's "Export for sharing externally" writes it)`);
            return;
        }
        // Exports from the Grafana API wrap the model: {"dashboard": {...}, "meta": {...}}.
        const model = (('dashboard' in dashboard) && typeof dashboard.dashboard === 'object'
            ? dashboard.dashboard : dashboard);
        const before = problems.length;
        problems.push(...checkDashboard(shown, model), ...inputProblems(shown, model));
        if (problems.length > before)
            return;
        const key = typeof model.uid === 'string' && model.uid ? model.uid : (0,external_node_path_.basename)(path, '.json');
        files.push({ file: shown, key, primary, dashboard: model });
    };
    for (const name of jsonFiles(bundledDir))
        read((0,external_node_path_.join)(bundledDir, name), `dashboards/${name}`, name === 'ecs-task-monitoring.json');
    if (userPath) {
        for (const { path, shown, outside } of userFiles(workspace, userPath, problems)) {
            if (outside)
                problems.push(`${shown}: a symbolic link to a file outside the workspace; refused (only files of the checkout are imported)`);
            else
                read(path, shown, false);
        }
    }
    // One folder holds them all, and Grafana refuses (or silently merges) two dashboards of one title there.
    const uids = new Map();
    const titles = new Map();
    for (const f of files) {
        const title = String(f.dashboard.title).trim().toLowerCase();
        if (uids.has(f.key))
            problems.push(`${f.file}: same uid '${f.key}' as ${uids.get(f.key)}; give each dashboard its own uid`);
        else if (titles.has(title))
            problems.push(`${f.file}: same title '${String(f.dashboard.title)}' as ${titles.get(title)}; give each dashboard its own title`);
        uids.set(f.key, f.file);
        titles.set(title, f.file);
    }
    if (problems.length > 0) {
        throw new errors/* ActionError */.lZ(`Input 'dashboards-path': ${problems.length} problem(s) in the dashboards; nothing was written to Grafana:\n${problems.map((p) => `  ${p}`).join('\n')}`, 'Fix the files named above (export dashboards with "Export for sharing externally" so their data sources become __inputs).');
    }
    return files;
}
const inside = (root, path) => path === root || path.startsWith(root.endsWith(external_node_path_.sep) ? root : `${root}${external_node_path_.sep}`);
/**
 * The .json files `userPath` names, contained by their real paths: a path, a folder or a file that
 * resolves (through symbolic links or '..') outside the workspace is refused; links that stay
 * inside are followed. Files are returned by real path, so what is read is what was checked.
 */
function userFiles(workspace, userPath, problems) {
    let root;
    let real;
    try {
        root = (0,external_node_fs_.realpathSync)(workspace);
        real = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(workspace, userPath));
    }
    catch {
        throw new errors/* ActionError */.lZ(`Input 'dashboards-path': '${userPath}' does not exist in the workspace (${workspace}).`, 'Check out the repository first (actions/checkout) and give a path relative to it, e.g. dashboards/.');
    }
    if (!inside(root, real)) {
        throw new errors/* ActionError */.lZ(`Input 'dashboards-path': '${userPath}' leads outside the workspace (through a symbolic link or '..'); nothing was read.`, 'Give a folder or file of the checkout itself; dashboards must come from the repository, not from elsewhere on the runner.');
    }
    let isDir;
    try {
        isDir = fstatOf(real).isDirectory();
    }
    catch {
        throw new errors/* ActionError */.lZ(`Input 'dashboards-path': '${userPath}' cannot be read.`, 'Check the path and its permissions in the checkout.');
    }
    if (!isDir)
        return [{ path: real, shown: (0,external_node_path_.relative)(workspace, (0,external_node_path_.join)(workspace, userPath)), outside: false }];
    const names = jsonFiles(real);
    if (names.length === 0)
        problems.push(`${userPath}: no .json files in this folder`);
    return names.map((name) => {
        const shown = (0,external_node_path_.relative)(workspace, (0,external_node_path_.join)(workspace, userPath, name));
        try {
            const file = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(real, name));
            return { path: file, shown, outside: !inside(root, file) };
        }
        catch {
            // A dangling link: reported by the read.
            return { path: (0,external_node_path_.join)(real, name), shown, outside: false };
        }
    });
}
function fstatOf(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        return (0,external_node_fs_.fstatSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * The file's text, or undefined with a problem recorded: sizes are checked on the open file before
 * anything is read, against the per-file and the total cap, and no more than the checked size is read.
 */
function readCapped(path, shown, problems, total, add) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch (err) {
        problems.push(`${shown}: cannot be read (${err.code ?? 'error'})`);
        return undefined;
    }
    try {
        const stat = (0,external_node_fs_.fstatSync)(fd);
        if (!stat.isFile()) {
            problems.push(`${shown}: not a regular file`);
            return undefined;
        }
        if (stat.size > MAX_DASHBOARD_FILE_BYTES) {
            problems.push(`${shown}: ${mib(stat.size)} is over the ${mib(MAX_DASHBOARD_FILE_BYTES)} a Grafana dashboard can hold; not read`);
            return undefined;
        }
        if (total() + stat.size > MAX_DASHBOARDS_TOTAL_BYTES) {
            problems.push(`${shown}: with it the dashboards would exceed ${mib(MAX_DASHBOARDS_TOTAL_BYTES)} in all; not read`);
            return undefined;
        }
        add(stat.size);
        const buffer = Buffer.alloc(stat.size);
        let filled = 0;
        while (filled < stat.size) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, filled, stat.size - filled, filled);
            if (n === 0)
                break;
            filled += n;
        }
        const text = buffer.subarray(0, filled).toString('utf8');
        // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    catch (err) {
        problems.push(`${shown}: cannot be read (${err.code ?? 'error'})`);
        return undefined;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function mib(bytes) {
    return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
}
function jsonFiles(dir) {
    return (0,external_node_fs_.readdirSync)(dir).filter((n) => n.endsWith('.json')).sort();
}
/** Every __inputs entry must be something the import can fill: a Prometheus data source or a constant. */
function inputProblems(file, model) {
    const inputs = model.__inputs;
    if (inputs === undefined)
        return [];
    if (!Array.isArray(inputs))
        return [`${file}: __inputs is not a list`];
    return inputs.flatMap((input) => {
        if (!input || typeof input.name !== 'string')
            return [`${file}: an __inputs entry has no name`];
        if (input.type === 'constant')
            return [];
        if (input.type === 'datasource' && PROMETHEUS_PLUGINS.has(input.pluginId ?? ''))
            return [];
        return [`${file}: input '${input.name}' needs a ${input.pluginId ?? input.type} ${input.type}; the action can only bind Prometheus data sources (the environment's AMP workspace) and constants`];
    });
}

// EXTERNAL MODULE: ./src/modes/build-run.ts
var build_run = __webpack_require__(5792);
// EXTERNAL MODULE: ./src/apply/build.ts + 17 modules
var build = __webpack_require__(2087);
// EXTERNAL MODULE: ./src/render/build.ts + 1 modules
var render_build = __webpack_require__(5984);
;// CONCATENATED MODULE: ./src/modes/dashboard.ts






function prepare(inputs, run) {
    if (!inputs.grafana) {
        throw new errors/* ActionError */.lZ("Input 'grafana': mode dashboard needs Grafana, but grafana is false.", 'Set grafana: true (and run provision with it), or skip the dashboard step.');
    }
    return loadDashboards((0,assets/* assetDir */.Y)('dashboards'), run.workspace, inputs.dashboardsPath);
}
/** up imports the same dashboards, when Grafana is on; read and checked before any AWS call all the same. */
function prepareUp(inputs, run) {
    return inputs.grafana ? loadDashboards((0,assets/* assetDir */.Y)('dashboards'), run.workspace, inputs.dashboardsPath) : [];
}
/**
 * Gives the environment its data source, folder and dashboards in the repository's Grafana workspace, through the
 * workspace's own HTTP API with a token that lives only around those steps.
 */
async function run(ctx) {
    return (0,build_run.runBuild)('dashboard', ctx);
}
const dashboard = { prepare, prepareUp, run };


/***/ })

};
;