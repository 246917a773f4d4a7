import type { BenchmarkProblem } from "@/lib/evals/types";

type EvalPlusProblem = Extract<BenchmarkProblem, { format: "evalplus" }>;

/**
 * EvalPlus judges a solution by differential testing: the reference solution's outputs on
 * base_input + plus_input are the oracle, and the candidate must match each one (exactly, or
 * within atol for floats; atol defaults to 1e-6 when the expected value is float(s)), with
 * EvalPlus' special oracles for find_zero (HumanEval/32), are_equivalent (Mbpp/164) and
 * sum_div (Mbpp/295). MBPP+ inputs are stored as JSON lists and turned back into tuples/sets/
 * complex numbers per task as EvalPlus' `mbpp_deserialize_inputs` does.
 *
 * This builds one self-contained python3 program doing that, so it runs in the same sandbox as
 * every other program; pass = exit 0. Known differences from EvalPlus: one wall-clock limit for
 * the whole program (the executor's) instead of per-input limits scaled from the reference's
 * time, and float closeness is computed without numpy (|out-exp| <= atol + 1e-7*|exp|, as
 * numpy.testing.assert_allclose with its default rtol).
 */
export function evalplusHarness(problem: EvalPlusProblem, solution: string): string {
  const lit = (s: string) => JSON.stringify(s);
  return `import json, math, copy, sys
SOLUTION = ${lit(solution)}
REFERENCE = ${lit(problem.reference)}
ENTRY = ${lit(problem.entryPoint)}
ATOL = ${Number(problem.atol) || 0}
MBPP_TASK = ${problem.mbppTaskNumber ?? "None"}
def _hook(d):
    if len(d) == 1 and "$float" in d:
        return float(d["$float"])
    return d
INPUTS = json.loads(${lit(JSON.stringify(problem.inputs))}, object_hook=_hook)
${DESERIALIZE}
${COMPARE}
ref_ns = {"__name__": "__reference__"}
exec(REFERENCE, ref_ns)
reference = ref_ns[ENTRY]
inputs = deserialize(INPUTS)
expected = [reference(*copy.deepcopy(inp)) for inp in inputs]
ns = {"__name__": "__solution__"}
exec(SOLUTION, ns)
if ENTRY not in ns:
    sys.stderr.write("function %s is not defined\\n" % ENTRY)
    sys.exit(1)
fn = ns[ENTRY]
for i, inp in enumerate(inputs):
    out = fn(*copy.deepcopy(inp))
    if not judge(inp, out, expected[i]):
        sys.stderr.write("EvalPlus input #%d: expected %r, got %r\\n" % (i, expected[i], out))
        sys.exit(1)
`;
}

const DESERIALIZE = `def _tuples(inp):
    return [tuple(x) for x in inp]
def _deep_tuple(x):
    return tuple(_deep_tuple(i) for i in x) if isinstance(x, list) else x
def deserialize(inputs):
    t = MBPP_TASK
    if t is None:
        return inputs
    if t in (2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596, 616, 630, 726, 740, 744, 809):
        return [_tuples(inp) for inp in inputs]
    if t in (63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780):
        return [[[tuple(l) for l in ll] for ll in inp] for inp in inputs]
    if t in (75, 413, 444, 753):
        return [[[tuple(l) for l in inp[0]]] + [inp[1]] for inp in inputs]
    if t in (106, 750):
        return [[inp[0]] + [tuple(inp[1])] for inp in inputs]
    if t == 115:
        return [[[set(i) if isinstance(i, list) and len(i) else {} for i in inp[0]]] for inp in inputs]
    if t == 124:
        return [(float(inp[0]), complex(inp[1])) for inp in inputs]
    if t in (250, 405, 446, 617, 720, 763, 808):
        return [[tuple(inp[0])] + [inp[1]] for inp in inputs]
    if t in (259, 401, 445):
        return [_tuples([[tuple(l) for l in ll] for ll in inp]) for inp in inputs]
    if t == 278:
        return [_tuples([[tuple(i) if isinstance(i, list) else i for i in inp[0]]]) for inp in inputs]
    if t == 307:
        return [[tuple(inp[0])] + [inp[1], inp[2]] for inp in inputs]
    if t == 722:
        return [[{k: tuple(v) for k, v in inp[0].items()}] + inp[1:] for inp in inputs]
    if t == 252:
        return [[complex(inp[0])] for inp in inputs]
    if t in (580, 615, 791):
        return [_deep_tuple(inp) for inp in inputs]
    return inputs`;

const COMPARE = `def is_floats(x):
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)):
        return all(isinstance(i, float) for i in x)
    return False
def close(out, exp, atol):
    if isinstance(exp, (list, tuple)):
        return isinstance(out, (list, tuple)) and len(out) == len(exp) and all(close(o, e, atol) for o, e in zip(out, exp))
    if isinstance(out, bool) or isinstance(exp, bool) or not isinstance(out, (int, float)) or not isinstance(exp, (int, float)):
        return out == exp
    if math.isnan(exp) or math.isnan(out):
        return math.isnan(exp) and math.isnan(out)
    if math.isinf(exp) or math.isinf(out):
        return out == exp
    return abs(out - exp) <= atol + 1e-7 * abs(exp)
def poly(xs, x):
    return sum(c * math.pow(x, i) for i, c in enumerate(xs))
_state = {"orig": True, "const": True}
def _sticky(out, exp, const):
    if _state["orig"] and out != exp:
        _state["orig"] = False
    if _state["const"] and out != const:
        _state["const"] = False
    return _state["orig"] or _state["const"]
def judge(inp, out, exp):
    atol = ATOL
    if ENTRY == "find_zero" and MBPP_TASK is None:
        try:
            return abs(poly(inp[0], out)) <= atol
        except Exception:
            return False
    exact = out == exp
    if ENTRY == "are_equivalent" and MBPP_TASK is not None:
        exact = _sticky(out, exp, True)
    elif ENTRY == "sum_div" and MBPP_TASK is not None:
        exact = _sticky(out, exp, 0)
    if atol == 0 and is_floats(exp):
        atol = 1e-6
    if not exact and atol != 0:
        return close(out, exp, atol)
    return bool(exact)`;
