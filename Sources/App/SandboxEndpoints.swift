import Foundation

/// What `<data>/endpoints.json` holds so that scripts can drive a running sandbox (issue item 9):
/// every service's base URL, the TLS root to trust, the trust list and CRL URLs, and the demo accounts
/// with their credentials.
public struct SandboxEndpoints: Hashable, Sendable, Codable {
    /// The demo TN service provider's account at the STI-PA.
    public struct ProviderAccount: Hashable, Sendable, Codable {
        /// The STI-PA account ID (`/api/v1/account/{id}/token`).
        public var accountID: String
        /// Its service provider code.
        public var spc: String
        /// The TN range it holds, first number and count.
        public var tnRangeStart: String
        /// How many numbers the range holds.
        public var tnRangeCount: Int
        /// The portal user.
        public var userID: String
        /// The portal user's password.
        public var password: String
    }

    /// A customer registered at the provider's STI-SCA: the demo enterprise (delegate certificates from
    /// the STI-SCA) or the demo PBX (TN-level certificates from the STI-CA through the proxies).
    public struct EnterpriseAccount: Hashable, Sendable, Codable {
        /// The customer ID (`/api/v1/account/{id}/token` at the STI-SCA).
        public var customerID: String
        /// The first delegated number.
        public var tnRangeStart: String
        /// How many numbers are delegated.
        public var tnRangeCount: Int
        /// The login user at the STI-SCA.
        public var userID: String
        /// Its password.
        public var password: String
    }

    /// The STI-PA base URL (`/api/v1/...`, `/download/v1/crl`).
    public var policyAdministrator: String
    /// The STI-CA ACME directory URL.
    public var certificationAuthorityDirectory: String
    /// The STI-SCA base URL (customer login and token API).
    public var subordinateAuthority: String
    /// The STI-SCA ACME directory URL.
    public var subordinateAuthorityDirectory: String
    /// The STI-CR base URL; chains are at `<base>/<name>.pem`.
    public var repository: String
    /// The TLS root clients trust, as an absolute path.
    public var tlsRootPath: String
    /// The signed CA trust list (`GET /api/v1/ca-list`).
    public var trustListURL: String
    /// The PEM of the key that signs the trust list (to verify it), as an absolute path.
    public var trustListSignerPath: String
    /// The STI-PA CRL signer certificate (issuer of the indirect SHAKEN CRL), as an absolute path.
    public var crlSignerPath: String
    /// The SHAKEN CRL of the STI-PA.
    public var policyAdministratorCRL: String
    /// The STI-SCA's own CRL.
    public var subordinateAuthorityCRL: String
    /// The STI-PA operator secret for the admin routes (`/admin/v1/...`).
    public var adminSecret: String
    /// The demo provider.
    public var provider: ProviderAccount
    /// The demo enterprise.
    public var enterprise: EnterpriseAccount
    /// The provider's SP-CA-proxy ACME directory URL, for PBX customers (seed 002 figure 10).
    public var proxyDirectory: String
    /// The base URL of the provider's SP-PA-proxy (`POST /proxy/v1/customer/{id}/token`, login at
    /// `/api/v1/auth/login`; seed 002 figure 9).
    public var proxyTokenServer: String
    /// The demo PBX, a customer of the provider obtaining TN-level certificates through the proxies.
    public var pbx: EnterpriseAccount
    /// Where the authorities keep their records; absent in files written before it was added.
    public var storage: Storage?

    /// The file name inside the data directory.
    public static let fileName = "endpoints.json"

    /// Reads `<dataDirectory>/endpoints.json`.
    ///
    /// - Throws: ``AppError/Code/corruptState`` when the file is missing or does not decode.
    public static func load(dataDirectory: String) throws(AppError) -> SandboxEndpoints {
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError(.corruptState, "no \(fileName) in \(dataDirectory): start `shaken sandbox --data \(dataDirectory)` first")
        }
        do {
            return try JSONDecoder().decode(SandboxEndpoints.self, from: data)
        } catch {
            throw AppError(.corruptState, "\(path) does not decode: \(error)")
        }
    }

    /// The JSON text, keys sorted.
    public func json() throws(AppError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            throw AppError(.corruptState, "cannot encode endpoints: \(error)")
        }
    }
}
