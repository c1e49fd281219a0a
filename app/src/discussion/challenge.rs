//! A small proof-of-work that guests' browsers solve without the person
//! noticing, so that posting many reactions costs a script real computing
//! time. No third party is involved: the server issues a random challenge,
//! the browser finds a nonce whose SHA-256 with it starts with enough zero
//! bits, and the server checks that in one hash and uses the challenge up.

use sha2::{Digest, Sha256};

/// Zero bits a solution needs: about 65,000 hashes, a fraction of a second
/// in a browser, and a real cost for a script that wants to post thousands.
pub const DIFFICULTY: u32 = 16;

/// Leading zero bits of a hash.
pub fn leading_zero_bits(hash: &[u8]) -> u32 {
    let mut bits = 0;
    for byte in hash {
        if *byte == 0 {
            bits += 8;
        } else {
            bits += byte.leading_zeros();
            break;
        }
    }
    bits
}

/// Whether `nonce` solves challenge `id` at `difficulty`.
pub fn solves(id: &str, nonce: &str, difficulty: u32) -> bool {
    let hash = Sha256::digest(format!("{id}:{nonce}").as_bytes());
    leading_zero_bits(&hash) >= difficulty
}

/// Finds the smallest nonce that solves the challenge.
pub fn solve(id: &str, difficulty: u32) -> u64 {
    let mut start = 0;
    loop {
        match solve_from(id, difficulty, start, u64::MAX - start) {
            Ok(nonce) => return nonce,
            Err(next) if next > start => start = next,
            Err(_) => return 0,
        }
    }
}

/// Tries the `count` nonces from `start`: the solution if one of them is,
/// else where to go on. The browser solves in such slices, a few
/// milliseconds each, so that the page stays responsive.
pub fn solve_from(id: &str, difficulty: u32, start: u64, count: u64) -> Result<u64, u64> {
    let end = start.saturating_add(count);
    (start..end)
        .find(|n| solves(id, &n.to_string(), difficulty))
        .ok_or(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_bits_are_counted() {
        assert_eq!(leading_zero_bits(&[0, 0, 0xff]), 16);
        assert_eq!(leading_zero_bits(&[0, 0x0f]), 12);
        assert_eq!(leading_zero_bits(&[0x80]), 0);
    }

    #[test]
    fn solving_in_slices_finds_the_same_nonce() {
        let whole = solve("slices", 10);
        let mut start = 0;
        let sliced = loop {
            match solve_from("slices", 10, start, 100) {
                Ok(nonce) => break nonce,
                Err(next) => {
                    assert_eq!(next, start + 100);
                    start = next;
                }
            }
        };
        assert_eq!(sliced, whole);
        assert_eq!(solve_from("slices", 10, whole + 1, 0), Err(whole + 1));
    }

    #[test]
    fn a_solution_solves_and_a_guess_does_not() {
        let nonce = solve("abc", 8);
        assert!(solves("abc", &nonce.to_string(), 8));
        assert!(
            !solves("other", &nonce.to_string(), 24),
            "practically never solves a harder one by chance"
        );
    }
}
