#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOPosix

/// Resolves a host name to the addresses the x5u fetcher checks and then pins for the connection
/// (security notes §3.3: check the address actually connected to, which defeats DNS rebinding).
public protocol HostResolver: Sendable {
    /// Every address of `host`.
    func addresses(of host: String) async throws(HTTPClientError) -> [IPAddress]
}

/// A ``HostResolver`` over the system's `getaddrinfo`, run off the cooperative pool.
public struct SystemHostResolver: HostResolver {
    /// Creates the resolver.
    public init() {}

    /// Resolves `host` with `getaddrinfo` (TCP, any family).
    ///
    /// - Throws: ``HTTPClientError/Code/resolutionFailed``.
    public func addresses(of host: String) async throws(HTTPClientError) -> [IPAddress] {
        let result: [IPAddress]
        do {
            result = try await NIOThreadPool.singleton.runIfActive { Self.resolve(host) }
        } catch {
            throw HTTPClientError(.resolutionFailed, "cannot resolve \(host): \(error)")
        }
        guard !result.isEmpty else { throw HTTPClientError(.resolutionFailed, "\(host) has no address") }
        return result
    }

    private static func resolve(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let socketAddress = entry.pointee.ai_addr {
                if entry.pointee.ai_family == AF_INET {
                    socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin_addr
                        addresses.append(.v4(withUnsafeBytes(of: &raw) { Array($0) }))
                    }
                } else if entry.pointee.ai_family == AF_INET6 {
                    socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin6_addr
                        addresses.append(.v6(withUnsafeBytes(of: &raw) { Array($0) }))
                    }
                }
            }
            cursor = entry.pointee.ai_next
        }
        var unique: [IPAddress] = []
        for address in addresses where !unique.contains(address) { unique.append(address) }
        return unique
    }
}

/// A ``HostResolver`` over a fixed table, for tests and for deployments that pin repository hosts.
public struct StaticHostResolver: HostResolver {
    /// Addresses by lowercased host name.
    public let table: [String: [IPAddress]]

    /// Creates the resolver.
    public init(_ table: [String: [IPAddress]]) {
        self.table = Dictionary(table.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The table's addresses for `host`.
    ///
    /// - Throws: ``HTTPClientError/Code/resolutionFailed`` when the host is not in the table.
    public func addresses(of host: String) async throws(HTTPClientError) -> [IPAddress] {
        guard let addresses = table[host.lowercased()], !addresses.isEmpty else {
            throw HTTPClientError(.resolutionFailed, "\(host) is not in the resolver table")
        }
        return addresses
    }
}
