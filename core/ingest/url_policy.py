"""Which addresses a URL import may reach: public internet addresses only, checked once resolved."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from typing import Callable, Union

from core.errors import SourceError

Address = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
Policy = Callable[[Address], bool]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(ip: Address) -> Address:
    """Return the IPv4 address an IPv6 one stands for (mapped, NAT64, 6to4, Teredo), else ip."""
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]
    return ip


def non_public_kind(ip: Address) -> str:
    """Name why an address is not on the public internet, or "" when it is."""
    ip = embedded_ipv4(ip)
    # Most specific first: Python counts the reserved 240.0.0.0/4 among the private ranges.
    checks = (
        ("is_loopback", "this computer (loopback)"),
        ("is_unspecified", "the unspecified address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private network"),
    )
    for attribute, label in checks:
        if getattr(ip, attribute):
            return label
    return "" if ip.is_global else "an address that is not on the public internet"


def is_public(ip: Address) -> bool:
    """The default policy: only addresses on the public internet may be fetched."""
    return not non_public_kind(ip)


def parse_address(text: str) -> Address:
    """Return the address getaddrinfo gave, without an IPv6 zone ("fe80::1%eth0")."""
    return ipaddress.ip_address(text.split("%", 1)[0])


def resolve(url: str, host: str, port: int, policy: Policy, deadline: float) -> list[str]:
    """Return the addresses of host, all allowed by the policy; refuse when any of them is not.

    Every address is checked, not just the first: a name that also resolves to a private
    address is refused, so a second lookup by the connection could never pick that one. The
    connection then uses the returned addresses themselves (no second lookup: no DNS rebinding).
    """
    found: list = []
    failure: list = []

    def lookup() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as exc:  # UnicodeError: a name IDNA cannot encode
            failure.append(exc)

    worker = threading.Thread(target=lookup, daemon=True)  # getaddrinfo has no timeout of its own
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise SourceError(url, "the host name could not be looked up in time")
    if failure or not found:
        raise SourceError(url, "the host name could not be found (offline, or a typo in the address?)")
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    for text in addresses:
        ip = parse_address(text)
        if not policy(ip):
            kind = non_public_kind(ip) or "an address Parallax does not fetch from"
            raise SourceError(url, f"points to {kind} ({ip}); only public web addresses are fetched")
    return addresses
