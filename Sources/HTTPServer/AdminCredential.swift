import Crypto
import Hummingbird

/// The STI-PA operator's secret guarding the admin routes. Only its SHA-256 digest is kept, and a
/// presented credential is compared digest to digest (swift-crypto's digest equality is constant-time).
struct AdminCredential: Sendable {
    private let digest: SHA256.Digest

    init(_ secret: String) {
        digest = SHA256.hash(data: Array(secret.utf8))
    }

    /// Checks the request's `Authorization` (`Bearer <secret>` or the raw secret).
    func authorize(_ request: Request) throws(HTTPServerError) {
        let presented = try AccessTokenHeader.credential(request)
        guard SHA256.hash(data: Array(presented.utf8)) == digest else {
            throw HTTPServerError(.notAuthenticated, "the admin credential is not valid")
        }
    }
}
