// L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted least squares).
// Why not a library model: ml-logistic-regression 2.0.0 (the mljs one) has neither an intercept nor a
// penalty and runs 50,000 fixed-rate gradient steps, so on separable data (common here: a rule that only
// fires on positives) its weights grow without bound. The penalised log-likelihood, its gradient and Hessian
// are a few lines; the linear algebra (a Cholesky solve per step) is ml-matrix's. Newton converges in a
// handful of steps on these small problems and is deterministic: same rows in the same order, same weights.
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { sigmoid } from "../extract/indicators/score.ts";

export interface LogisticOptions {
  /** Penalty on the squared feature weights (not on the bias). */
  l2: number;
  maxIterations?: number;
}

export interface LogisticFit {
  bias: number;
  weights: number[];
  iterations: number;
  converged: boolean;
}

/** A tiny penalty on the bias keeps it finite when a training set has no positives (or no negatives). */
const BIAS_PENALTY = 1e-4;
const TOLERANCE = 1e-9;

const linear = (bias: number, weights: readonly number[], x: readonly number[]): number => {
  let z = bias;
  for (let j = 0; j < weights.length; j++) z += weights[j]! * x[j]!;
  return z;
};

export const predictProbability = (fit: Pick<LogisticFit, "bias" | "weights">, x: readonly number[]): number => sigmoid(linear(fit.bias, fit.weights, x));

/** The penalised negative log-likelihood (what Newton minimises). */
function objective(theta: readonly number[], X: readonly (readonly number[])[], y: readonly number[], l2: number): number {
  let loss = BIAS_PENALTY * 0.5 * theta[0]! ** 2;
  for (let j = 1; j < theta.length; j++) loss += 0.5 * l2 * theta[j]! ** 2;
  for (let i = 0; i < X.length; i++) {
    const z = linear(theta[0]!, theta.slice(1), X[i]!);
    // log(1 + e^z) - y z, computed without overflow
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i]! * z;
  }
  return loss;
}

export function fitLogistic(X: readonly (readonly number[])[], y: readonly number[], opts: LogisticOptions): LogisticFit {
  if (X.length !== y.length) throw new Error("fitLogistic: X and y differ in length");
  const d = X[0]?.length ?? 0;
  const n = X.length;
  const maxIterations = opts.maxIterations ?? 100;
  let theta = new Array<number>(d + 1).fill(0);
  let current = objective(theta, X, y, opts.l2);
  for (let iter = 1; iter <= maxIterations; iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Matrix.zeros(d + 1, d + 1);
    grad[0] = BIAS_PENALTY * theta[0]!;
    hess.set(0, 0, BIAS_PENALTY);
    for (let j = 1; j <= d; j++) {
      grad[j] = opts.l2 * theta[j]!;
      hess.set(j, j, opts.l2 + 1e-12);
    }
    const w = theta.slice(1);
    for (let i = 0; i < n; i++) {
      const xi = [1, ...X[i]!];
      const p = sigmoid(linear(theta[0]!, w, X[i]!));
      const s = p * (1 - p);
      for (let a = 0; a <= d; a++) {
        if (xi[a] === 0) continue;
        grad[a]! += (p - y[i]!) * xi[a]!;
        for (let b = 0; b <= d; b++) if (xi[b] !== 0) hess.set(a, b, hess.get(a, b) + s * xi[a]! * xi[b]!);
      }
    }
    const step = new CholeskyDecomposition(hess).solve(Matrix.columnVector(grad)).to1DArray();
    // Damped Newton: halve the step until the objective does not rise (it rarely has to).
    let t = 1;
    let next = theta.map((v, j) => v - step[j]!);
    let value = objective(next, X, y, opts.l2);
    while (value > current && t > 1e-6) {
      t /= 2;
      next = theta.map((v, j) => v - t * step[j]!);
      value = objective(next, X, y, opts.l2);
    }
    const moved = Math.max(...step.map((s) => Math.abs(t * s)));
    theta = next;
    const improved = current - value;
    current = value;
    if (moved < 1e-8 || improved < TOLERANCE * Math.max(1, Math.abs(current))) {
      return { bias: theta[0]!, weights: theta.slice(1), iterations: iter, converged: true };
    }
  }
  return { bias: theta[0]!, weights: theta.slice(1), iterations: maxIterations, converged: false };
}
