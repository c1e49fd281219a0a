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

/// Finds the smallest nonce that solves the challenge (what the browser runs).
pub fn solve(id: &str, difficulty: u32) -> u64 {
    (0u64..)
        .find(|n| solves(id, &n.to_string(), difficulty))
        .unwrap_or_default()
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
    fn a_solution_solves_and_a_guess_does_not() {
        let nonce = solve("abc", 8);
        assert!(solves("abc", &nonce.to_string(), 8));
        assert!(
            !solves("other", &nonce.to_string(), 24),
            "practically never solves a harder one by chance"
        );
    }
}
