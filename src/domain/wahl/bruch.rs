//! Exact non-negative fractions for apportionment: quotas, remainders and Höchstzahlen are
//! compared by cross-multiplication in 128 bits, so a tie is a tie and never an accident of
//! floating point. Votes and seats fit in 64 bits; their products fit in 128.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

#[derive(Debug, Clone, Copy)]
pub struct Bruch {
    pub zaehler: u128,
    pub nenner: u128,
}

impl Bruch {
    /// `zaehler / nenner`; `nenner` must not be 0.
    pub fn neu(zaehler: u128, nenner: u128) -> Bruch {
        assert!(nenner > 0, "Nenner 0");
        Bruch { zaehler, nenner }
    }

    /// Cut (not rounded) to three decimals, as the Munich reference cases write it.
    pub fn auf_tausendstel(self) -> f64 {
        (self.zaehler * 1000 / self.nenner) as f64 / 1000.0
    }

    /// German notation with `stellen` decimals, cut: "3333,333".
    pub fn deutsch(self, stellen: u32) -> String {
        let faktor = 10u128.pow(stellen);
        let skaliert = self.zaehler * faktor / self.nenner;
        let ganz = skaliert / faktor;
        if stellen == 0 {
            return ganz.to_string();
        }
        format!(
            "{ganz},{:0width$}",
            skaliert % faktor,
            width = stellen as usize
        )
    }
}

impl PartialEq for Bruch {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Bruch {}
impl PartialOrd for Bruch {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Bruch {
    fn cmp(&self, o: &Self) -> Ordering {
        (self.zaehler * o.nenner).cmp(&(o.zaehler * self.nenner))
    }
}

impl fmt::Display for Bruch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.zaehler.is_multiple_of(self.nenner) {
            write!(f, "{}", self.zaehler / self.nenner)
        } else {
            write!(f, "{}/{}", self.zaehler, self.nenner)
        }
    }
}

/// In JSON: the value cut to three decimals (as the reference cases) — the exact value
/// is kept beside it where it matters (`exakt`).
impl Serialize for Bruch {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.auf_tausendstel())
    }
}

#[cfg(test)]
mod tests {
    use super::Bruch;

    #[test]
    fn exact_comparison_and_cut_decimals() {
        assert_eq!(Bruch::neu(10000, 3), Bruch::neu(20000, 6));
        assert!(Bruch::neu(19, 53) > Bruch::neu(24, 67)); // both 0.358… when cut
        assert_eq!(Bruch::neu(416, 3).auf_tausendstel(), 138.666);
        assert_eq!(Bruch::neu(10000, 3).deutsch(3), "3333,333");
        assert_eq!(Bruch::neu(13, 20).deutsch(4), "0,6500");
        assert_eq!(Bruch::neu(8, 1).to_string(), "8");
    }
}
