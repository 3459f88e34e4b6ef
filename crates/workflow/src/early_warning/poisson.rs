//! The upper tail of the Poisson distribution, written here rather than
//! taken from a crate: it is sixty lines, the workspace has no statistics
//! crate (statrs would bring nalgebra and rand into the pure crate), and
//! the detector needs it for real-valued signals (opinion items weigh
//! 0.5), which the regularized incomplete gamma function gives directly:
//! P(X ≥ k | λ) = P(k, λ), the regularized lower incomplete gamma, for a
//! whole k, and its continuous extension in between.
//!
//! Everything is computed in log space (Numerical Recipes §6.2: a series
//! below `a + 1`, Lentz's continued fraction above), so λ in the thousands
//! neither overflows nor loses the small tails the detector compares to
//! 1 %.

/// Iterations allowed to the series and the continued fraction: the series
/// needs about √a·10 terms, far less than this for a ≤ 10⁶.
const MAX_ITERATIONS: usize = 100_000;
const EPSILON: f64 = 1e-15;
const TINY: f64 = 1e-300;

/// ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error < 1e-15).
pub(crate) fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEFFICIENTS[0];
    for (i, c) in COEFFICIENTS.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// P(X ≥ k) for X ~ Poisson(λ): 1 for k ≤ 0, and for λ = 0 nothing above
/// zero is possible.
pub fn poisson_upper_tail(k: f64, lambda: f64) -> f64 {
    if k <= 0.0 {
        return 1.0;
    }
    if lambda <= 0.0 {
        return 0.0;
    }
    regularized_lower_gamma(k, lambda).clamp(0.0, 1.0)
}

/// P(a, x) = γ(a, x) / Γ(a), a > 0, x > 0.
fn regularized_lower_gamma(a: f64, x: f64) -> f64 {
    // e^{−x} x^a / Γ(a), the common factor, in log space.
    let log_front = -x + a * x.ln() - ln_gamma(a);
    if x < a + 1.0 {
        // Series: Σ x^n / (a (a+1) … (a+n)).
        let mut term = 1.0 / a;
        let mut sum = term;
        let mut denominator = a;
        for _ in 0..MAX_ITERATIONS {
            denominator += 1.0;
            term *= x / denominator;
            sum += term;
            if term.abs() < sum.abs() * EPSILON {
                break;
            }
        }
        (log_front + sum.ln()).exp()
    } else {
        // Continued fraction for Q(a, x) = 1 − P(a, x) (modified Lentz).
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..MAX_ITERATIONS {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let step = d * c;
            h *= step;
            if (step - 1.0).abs() < EPSILON {
                break;
            }
        }
        1.0 - (log_front + h.ln()).exp()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tail summed term by term in log space, the slow and obvious way,
    /// for whole k.
    fn by_terms(k: u64, lambda: f64) -> f64 {
        // P(X ≥ k) = Σ_{n ≥ k} e^{−λ} λ^n / n!, summed until the terms vanish.
        let mut total = 0.0;
        let mut n = k;
        loop {
            let log_term = -lambda + n as f64 * lambda.ln() - ln_gamma(n as f64 + 1.0);
            let term = log_term.exp();
            total += term;
            if n as f64 > lambda && term < total * 1e-17 {
                return total;
            }
            n += 1;
        }
    }

    fn close(a: f64, b: f64, relative: f64) -> bool {
        (a - b).abs() <= relative * b.abs().max(1e-300)
    }

    #[test]
    fn ln_gamma_matches_factorials() {
        let mut factorial = 1.0_f64;
        for n in 1..30 {
            factorial *= n as f64;
            assert!(
                close(ln_gamma(n as f64 + 1.0), factorial.ln(), 1e-13),
                "{n}"
            );
        }
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-13
        ));
    }

    #[test]
    fn small_tails_are_the_textbook_values() {
        // 1 − e^{−λ} for k = 1.
        assert!(close(
            poisson_upper_tail(1.0, 2.0),
            1.0 - (-2.0f64).exp(),
            1e-12
        ));
        // P(X ≥ 5 | 1) = 1 − e^{−1}(1 + 1 + 1/2 + 1/6 + 1/24).
        let expected = 1.0 - (-1.0f64).exp() * (1.0 + 1.0 + 0.5 + 1.0 / 6.0 + 1.0 / 24.0);
        assert!(close(poisson_upper_tail(5.0, 1.0), expected, 1e-10));
        assert_eq!(poisson_upper_tail(0.0, 3.0), 1.0);
        assert_eq!(poisson_upper_tail(3.0, 0.0), 0.0);
    }

    #[test]
    fn agrees_with_the_sum_of_terms_for_large_lambda() {
        for (k, lambda) in [
            (7u64, 2.0),
            (30, 10.0),
            (120, 80.0),
            (2_900, 2_800.0),
            (3_000, 2_800.0),
            (6_000, 5_000.0),
            (2_700, 2_800.0),
        ] {
            let ours = poisson_upper_tail(k as f64, lambda);
            let theirs = by_terms(k, lambda);
            assert!(
                close(ours, theirs, 1e-8),
                "k {k} λ {lambda}: {ours} vs {theirs}"
            );
        }
    }

    #[test]
    fn the_tail_falls_as_k_rises_and_rises_with_lambda() {
        let mut last = 1.0;
        for tenth in 1..400 {
            let p = poisson_upper_tail(tenth as f64 / 10.0, 5.0);
            assert!(p <= last + 1e-15, "k {}", tenth as f64 / 10.0);
            last = p;
        }
        let mut last = 0.0;
        for tenth in 1..400 {
            let p = poisson_upper_tail(8.0, tenth as f64 / 10.0);
            assert!(p >= last - 1e-15);
            last = p;
        }
    }
}
