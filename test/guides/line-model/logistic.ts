// A logistic model fitted by Newton's method with an L2 penalty (the bias unpenalised): dense
// feature vectors, weights from zero, a fixed number of steps, so the same rows give the same
// weights on any machine.

const STEPS = 25;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function probability(w: number[], x: number[]): number {
  let z = 0;
  for (let k = 0; k < w.length; k++) z += (w[k] ?? 0) * (x[k] ?? 0);
  return sigmoid(z);
}

/** Solves A d = b in place by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]?.[c] ?? 0) > Math.abs(A[p]?.[c] ?? 0)) p = r;
    [A[c], A[p]] = [A[p] as number[], A[c] as number[]];
    [b[c], b[p]] = [b[p] as number, b[c] as number];
    const pivot = A[c]?.[c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = (A[r]?.[c] ?? 0) / pivot;
      for (let k = c; k < n; k++) (A[r] as number[])[k] = (A[r]?.[k] ?? 0) - f * (A[c]?.[k] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[c] ?? 0);
    }
  }
  const d = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r] ?? 0;
    for (let k = r + 1; k < n; k++) s -= (A[r]?.[k] ?? 0) * (d[k] ?? 0);
    d[r] = s / (A[r]?.[r] || 1e-12);
  }
  return d;
}

/** One Newton step's gradient and Hessian of the penalised log-loss. */
function derivatives(X: number[][], y: number[], w: number[], l2: number): { g: number[]; H: number[][] } {
  const n = w.length;
  const g = w.map((wk, k) => (k === 0 ? 0 : l2 * wk));
  const H = w.map((_, r) => w.map((__, c) => (r === c && r > 0 ? l2 : 0)));
  for (const [i, x] of X.entries()) {
    const p = probability(w, x);
    const e = p - (y[i] ?? 0);
    const s = p * (1 - p);
    for (let r = 0; r < n; r++) {
      const xr = x[r] ?? 0;
      if (xr === 0) continue;
      g[r] = (g[r] ?? 0) + e * xr;
      const row = H[r] as number[];
      for (let c = 0; c < n; c++) row[c] = (row[c] ?? 0) + s * xr * (x[c] ?? 0);
    }
  }
  return { g, H };
}

/** The weights, the first for the bias (rows start with a constant 1). */
export function fitLogistic(X: number[][], y: number[], l2 = 1): number[] {
  let w = new Array<number>(X[0]?.length ?? 0).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const { g, H } = derivatives(X, y, w, l2);
    const d = solve(H, g);
    w = w.map((wk, k) => wk - (d[k] ?? 0));
    if (Math.max(...d.map(Math.abs)) < 1e-8) break;
  }
  return w.map((wk) => Math.round(wk * 1e4) / 1e4);
}
