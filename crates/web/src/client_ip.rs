//! The client's address behind trusted reverse proxies
//! (`http.trusted_proxies`): only when the TCP peer is a trusted proxy is
//! `X-Forwarded-For` read, from the right, skipping the trusted hops; the
//! first untrusted address is the client. Anyone can write the header, so
//! an address left of an untrusted hop is never believed.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap};
use ipnet::{IpNet, Ipv4Net};

use crate::AppState;

/// The proxies whose `X-Forwarded-For` is believed: addresses and CIDR
/// blocks. Empty by default: the TCP peer is the client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses `10.0.0.0/8`, `127.0.0.1`, `::1`, `fd00::/8`…; the error
    /// names the entry that is not one.
    pub fn parse(entries: &[String]) -> Result<TrustedProxies, String> {
        entries
            .iter()
            .map(|entry| {
                let text = entry.trim();
                text.parse::<IpNet>()
                    .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
                    .map(canonical)
                    .map_err(|_| {
                        format!(
                            "http.trusted_proxies: «{entry}» không phải địa chỉ IP hay khối CIDR"
                        )
                    })
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    /// Whether `address` is one of the proxies.
    pub fn contains(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|net| net.contains(&address))
    }
}

/// A block of IPv4-mapped IPv6 addresses (`::ffff:10.0.0.0/104`) as the
/// IPv4 block it stands for, since peers are compared in their canonical
/// form (`::ffff:10.1.2.3` is `10.1.2.3`).
fn canonical(net: IpNet) -> IpNet {
    match net {
        IpNet::V6(v6) if v6.prefix_len() >= 96 => match v6.addr().to_ipv4_mapped() {
            Some(v4) => Ipv4Net::new(v4, v6.prefix_len() - 96).map_or(net, IpNet::V4),
            None => net,
        },
        _ => net,
    }
}

/// The client address of a request as an extractor (see
/// [`client_address`]), for handlers that count or audit by it.
pub(crate) struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<ClientAddress, Infallible> {
        Ok(ClientAddress(client_address(
            &parts.extensions,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

/// The client address of a request: the TCP peer, or behind trusted
/// proxies the right-most untrusted address of `X-Forwarded-For`.
pub(crate) fn client_address(
    extensions: &Extensions,
    headers: &HeaderMap,
    trusted: &TrustedProxies,
) -> String {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_canonical());
    match peer {
        Some(peer) => resolve(peer, headers, trusted).to_string(),
        None => "unknown".to_owned(),
    }
}

fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        // A hop that is not an address ends the chain: what the last
        // trusted proxy connected from is the best we know.
        let Ok(address) = hop.parse::<IpAddr>() else {
            break;
        };
        client = address.to_canonical();
        if !trusted.contains(client) {
            break;
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trusted(entries: &[&str]) -> TrustedProxies {
        TrustedProxies::parse(&entries.iter().map(|e| e.to_string()).collect::<Vec<_>>()).unwrap()
    }

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        assert_eq!(
            resolve(ip("10.0.0.5"), &forwarded("203.0.113.7"), &none),
            ip("10.0.0.5")
        );
    }

    #[test]
    fn an_untrusted_peer_cannot_claim_another_address() {
        let proxies = trusted(&["10.0.0.0/8"]);
        assert_eq!(
            resolve(ip("198.51.100.1"), &forwarded("203.0.113.7"), &proxies),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn the_right_most_untrusted_address_is_the_client() {
        let proxies = trusted(&["10.0.0.0/8", "192.168.1.1"]);
        // The client forged the left-most entry; the proxies appended the rest.
        let headers = forwarded("1.2.3.4, 203.0.113.7, 192.168.1.1");
        assert_eq!(
            resolve(ip("10.1.2.3"), &headers, &proxies),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn several_header_lines_are_one_list() {
        let proxies = trusted(&["127.0.0.1"]);
        let mut headers = forwarded("203.0.113.7");
        headers.append("x-forwarded-for", "127.0.0.1".parse().unwrap());
        assert_eq!(
            resolve(ip("127.0.0.1"), &headers, &proxies),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn garbage_stops_at_the_last_known_hop() {
        let proxies = trusted(&["127.0.0.1", "10.0.0.1"]);
        assert_eq!(
            resolve(ip("127.0.0.1"), &forwarded("not-an-ip, 10.0.0.1"), &proxies),
            ip("10.0.0.1")
        );
        // A header that is not ASCII is not read at all: the peer it is.
        let mut unreadable = HeaderMap::new();
        unreadable.insert(
            "x-forwarded-for",
            axum::http::HeaderValue::from_bytes("không, 203.0.113.7".as_bytes()).unwrap(),
        );
        assert_eq!(
            resolve(ip("127.0.0.1"), &unreadable, &proxies),
            ip("127.0.0.1")
        );
        assert_eq!(
            resolve(ip("127.0.0.1"), &HeaderMap::new(), &proxies),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn blocks_match_by_prefix_and_mapped_addresses_as_ipv4() {
        let proxies = trusted(&["172.16.0.0/12", "fd00::/8"]);
        assert!(proxies.contains(ip("172.31.255.1")));
        assert!(!proxies.contains(ip("172.32.0.1")));
        assert!(proxies.contains(ip("fd12::1")));
        assert!(trusted(&["127.0.0.1"]).contains(ip("::ffff:127.0.0.1")));
        // A mapped entry is the IPv4 address or block it stands for.
        assert!(trusted(&["::ffff:127.0.0.1"]).contains(ip("127.0.0.1")));
        assert!(trusted(&["::ffff:10.0.0.0/104"]).contains(ip("10.200.0.1")));
        assert!(!trusted(&["::ffff:10.0.0.0/104"]).contains(ip("11.0.0.1")));
        assert!(trusted(&[" 10.0.0.1 "]).contains(ip("10.0.0.1")));
    }

    #[test]
    fn a_bad_entry_is_named() {
        let err = TrustedProxies::parse(&["10.0.0.0/33".to_owned()]).unwrap_err();
        assert!(err.contains("10.0.0.0/33"), "{err}");
        assert!(TrustedProxies::parse(&["proxy.local".to_owned()]).is_err());
    }
}
