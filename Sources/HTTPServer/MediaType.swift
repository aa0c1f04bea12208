import HTTPTypes

/// The media types the authorities' routes send and accept.
public enum MediaType {
    /// ACME request bodies (RFC 8555 §6.2).
    public static let joseJSON = "application/jose+json"
    /// JSON resources (RFC 8259 §11).
    public static let json = "application/json"
    /// Problem documents (RFC 7807 §6.1, RFC 8555 §6.7).
    public static let problemJSON = "application/problem+json"
    /// Certificate chains (RFC 8555 §9.1; ATIS-1000080 §6.3.6 for the STI-CR).
    public static let pemCertificateChain = "application/pem-certificate-chain"
    /// DER CRLs (RFC 2585 §4.2).
    public static let pkixCRL = "application/pkix-crl"
    /// PEM files.
    public static let pemFile = "application/x-pem-file"

    /// Whether a `Content-Type` value names `type`, ignoring parameters and case (RFC 9110 §8.3.1).
    static func matches(_ value: String?, _ type: String) -> Bool {
        guard let value else { return false }
        let essence = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return essence.trimmingCharacters(in: .whitespaces).lowercased() == type
    }
}
