//! Which address a request comes from, for the limits kept per address
//! (registrations, reset mails, guest reactions, failed logins).
//!
//! Served directly, that is the connection's peer. Behind load balancers the
//! peer is always a balancer, so everyone would share one limit; then the
//! balancers' own addresses are configured as trusted
//! (`WIJKPLEIN_TRUSTED_PROXIES`), and the client is the address the nearest
//! untrusted hop gave in `X-Forwarded-For`. Anyone can write that header, so
//! it is read only when the peer is trusted, and from the right: entries
//! added by trusted balancers are skipped, the first other one is the client,
//! and whatever a client wrote further left is ignored.

use ipnet::IpNet;
use std::{net::IpAddr, str::FromStr};

/// The client's address, worked out once per request by the server and kept
/// in the request's extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// The address ranges of the load balancers in front of this server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

/// A trusted-proxies setting that is not a list of addresses or ranges.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not an IP address or range (CIDR): {0:?}")]
pub struct BadProxy(pub String);

impl FromStr for TrustedProxies {
    type Err = BadProxy;

    /// Reads `10.0.0.0/8, 192.168.1.7, fd00::/8`: addresses and ranges,
    /// separated by commas or spaces.
    fn from_str(list: &str) -> Result<Self, BadProxy> {
        list.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| BadProxy(item.to_owned()))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }
}

impl TrustedProxies {
    /// No balancer is trusted: the peer is the client.
    pub fn none() -> Self {
        Self::default()
    }

    /// Whether `address` is one of the trusted balancers.
    pub fn trusts(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address, given the connection's peer and the values of
    /// every `X-Forwarded-For` header in the order they came.
    pub fn client<'a>(
        &self,
        peer: IpAddr,
        forwarded_for: impl IntoIterator<Item = &'a str>,
    ) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded_for
            .into_iter()
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            // A hop that does not read as an address ends the walk: what
            // lies left of it cannot be attributed to anyone.
            let Some(address) = parse_hop(hop) else { break };
            client = address;
            if !self.trusts(address) {
                break;
            }
        }
        client
    }
}

/// An `X-Forwarded-For` entry: `192.0.2.1`, `2001:db8::1`, or with a port
/// (`192.0.2.1:4711`, `[2001:db8::1]:4711`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
        .map(canonical)
}

/// An IPv4 address that reached an IPv6 socket (`::ffff:192.0.2.1`) is the
/// IPv4 address, so that it matches IPv4 ranges and shares their limits.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

impl ClientAddress {
    /// What the limits per address count: an IPv4 address as it is, an IPv6
    /// address by its /64 network. A home or a phone gets a whole /64 from
    /// its provider and may use any address in it, so counting single IPv6
    /// addresses would let one person multiply every limit at will.
    pub fn limit_key(self) -> String {
        match canonical(self.0) {
            IpAddr::V6(v6) => {
                let network = u128::from(v6) & (u128::MAX << 64);
                format!("{}/64", std::net::Ipv6Addr::from(network))
            }
            v4 => v4.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_ipv6_per_64_and_ipv4_per_address() {
        let key = |text: &str| ClientAddress(ip(text)).limit_key();
        assert_eq!(key("192.0.2.7"), "192.0.2.7");
        assert_ne!(key("192.0.2.7"), key("192.0.2.8"));
        assert_eq!(key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:1:2:3"), key("2001:db8:1:2::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.7"), "192.0.2.7", "IPv4 in IPv6 is IPv4");
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn balancers() -> TrustedProxies {
        "10.0.0.0/8, 192.168.1.7".parse().unwrap()
    }

    #[test]
    fn without_trusted_balancers_the_header_is_ignored() {
        let client = TrustedProxies::none().client(ip("203.0.113.5"), ["198.51.100.1"]);
        assert_eq!(client, ip("203.0.113.5"));
    }

    #[test]
    fn a_peer_that_is_not_trusted_cannot_choose_its_address() {
        let client = balancers().client(ip("203.0.113.5"), ["198.51.100.1"]);
        assert_eq!(client, ip("203.0.113.5"));
    }

    #[test]
    fn behind_a_trusted_balancer_the_forwarded_client_counts() {
        let client = balancers().client(ip("10.1.2.3"), ["198.51.100.1"]);
        assert_eq!(client, ip("198.51.100.1"));
    }

    #[test]
    fn what_the_client_wrote_itself_is_skipped() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the balancer appended
        // the address it really came from.
        let client = balancers().client(ip("10.1.2.3"), ["1.2.3.4, 198.51.100.1"]);
        assert_eq!(client, ip("198.51.100.1"));
    }

    #[test]
    fn a_chain_of_trusted_balancers_is_walked_through() {
        let client = balancers().client(ip("192.168.1.7"), ["1.2.3.4", "198.51.100.1, 10.9.9.9"]);
        assert_eq!(client, ip("198.51.100.1"));
    }

    #[test]
    fn garbage_and_missing_headers_leave_the_nearest_known_hop() {
        assert_eq!(balancers().client(ip("10.1.2.3"), []), ip("10.1.2.3"));
        assert_eq!(
            balancers().client(ip("10.1.2.3"), ["198.51.100.1, onzin"]),
            ip("10.1.2.3")
        );
        assert_eq!(
            balancers().client(ip("10.1.2.3"), ["onzin, 10.2.2.2"]),
            ip("10.2.2.2")
        );
    }

    #[test]
    fn ports_brackets_and_mapped_addresses_are_read() {
        let trusted: TrustedProxies = "10.0.0.0/8 fd00::/8".parse().unwrap();
        assert_eq!(
            trusted.client(ip("::ffff:10.0.0.1"), ["[2001:db8::1]:4711"]),
            ip("2001:db8::1")
        );
        assert_eq!(
            trusted.client(ip("fd00::2"), ["198.51.100.1:80"]),
            ip("198.51.100.1")
        );
        assert_eq!(
            TrustedProxies::none().client(ip("::ffff:198.51.100.1"), []),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn the_setting_names_what_it_cannot_read() {
        assert_eq!("".parse(), Ok(TrustedProxies::none()));
        assert_eq!(
            "10.0.0.0/8, loadbalancer".parse::<TrustedProxies>(),
            Err(BadProxy("loadbalancer".into()))
        );
        assert_eq!(
            "10.0.0.0/33".parse::<TrustedProxies>(),
            Err(BadProxy("10.0.0.0/33".into()))
        );
    }
}
