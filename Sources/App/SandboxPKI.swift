import Crypto
import Foundation
import HTTPServer
import STIRCertificates
import X509

/// The keys and certificates a sandbox creates once and keeps in its data directory: the local TLS
/// root (issue item 8), the STI-PA CRL signer and token-signing certificate (`<data>/pa/`), the
/// STI-CA root and intermediate (`<data>/ca/`, ATIS-1000080 §6.4.1) and the STI-SCA's token-signing
/// certificate (`<data>/sca/`). The STI-SCA's own CA certificate is obtained over ACME at provisioning.
struct SandboxPKI: Sendable {
    static let paTokenSignerName = "sti-pa-token-signer"
    static let scaTokenSignerName = "sti-sca-token-signer"

    let tls: LocalTLSAuthority
    let server: LocalTLSAuthority.ServerCredential
    let crlSigner: KeyedCertificate
    let paTokenAnchor: KeyedCertificate
    let paTokenSigner: KeyedCertificate
    let caRoot: KeyedCertificate
    let caIntermediate: KeyedCertificate
    let scaTokenAnchor: KeyedCertificate
    let scaTokenSigner: KeyedCertificate

    static let tlsRootFile = "tls/root.pem"

    init(directory: DataDirectory, environment: SandboxEnvironment, urls: SandboxURLs, lifetimes: SandboxConfiguration.Lifetimes) throws(AppError) {
        let now = environment.now()
        var random = environment.generator
        tls = try Self.tlsAuthority(directory: directory, environment: environment, random: &random)
        do {
            server = try tls.issueServerCertificate(
                hosts: Array(Set(["localhost", urls.host])).sorted(), key: try directory.key("tls/server.key") { environment.makeKey() },
                now: now, random: &random
            )
        } catch {
            throw AppError(.keyMaterial, "cannot issue the TLS server certificate: \(error)")
        }
        let builder = STICertificateBuilder()
        let root = try KeyedCertificate.loadOrCreate("ca/root", in: directory, environment: environment) { key in
            let request = STICertificateRequest(
                profile: .root, subject: try DistinguishedName.shaken(commonName: "SHAKEN ROOT Sandbox STI-CA", organization: "Sandbox STI-CA", country: "US"),
                publicKey: Certificate.PublicKey(key.publicKey), notValidBefore: now - 3_600, notValidAfter: now + lifetimes.root
            )
            return try builder.issue(request, issuer: .selfSigned(Certificate.PrivateKey(key)), using: &random)
        }
        caRoot = root
        crlSigner = try Self.crlSigner(directory: directory, environment: environment, root: root, lifetime: lifetimes.root, random: &random)
        let anchor = try KeyedCertificate.loadOrCreate("pa/token-anchor", in: directory, environment: environment) { key in
            try KeyedCertificate.selfSignedAuthority(commonName: "STI-PA Token Authority", key: key, now: now, lifetime: lifetimes.root, random: &random)
        }
        paTokenAnchor = anchor
        paTokenSigner = try KeyedCertificate.loadOrCreate("pa/token-signer", in: directory, environment: environment) { key in
            try KeyedCertificate.signingCertificate(
                commonName: "STI-PA Token Signer", key: key, issuer: anchor, now: now, lifetime: lifetimes.intermediate, random: &random
            )
        }
        let signerSubject = crlSigner.certificate.subject
        caIntermediate = try KeyedCertificate.loadOrCreate("ca/intermediate", in: directory, environment: environment) { key in
            let request = STICertificateRequest(
                profile: .intermediate,
                subject: try DistinguishedName.shaken(commonName: "SHAKEN Intermediate Sandbox STI-CA", organization: "Sandbox STI-CA", country: "US"),
                publicKey: Certificate.PublicKey(key.publicKey), notValidBefore: now - 3_600, notValidAfter: now + lifetimes.intermediate,
                crlDistributionPointURL: urls.policyAdministratorCRL, crlIssuer: signerSubject
            )
            return try builder.issue(request, issuer: .certificate(root.certificate, privateKey: root.privateKey), using: &random)
        }
        let scaAnchor = try KeyedCertificate.loadOrCreate("sca/token-anchor", in: directory, environment: environment) { key in
            try KeyedCertificate.selfSignedAuthority(commonName: "STI-SCA Token Authority", key: key, now: now, lifetime: lifetimes.root, random: &random)
        }
        scaTokenAnchor = scaAnchor
        scaTokenSigner = try KeyedCertificate.loadOrCreate("sca/token-signer", in: directory, environment: environment) { key in
            try KeyedCertificate.signingCertificate(
                commonName: "STI-SCA Token Signer", key: key, issuer: scaAnchor, now: now, lifetime: lifetimes.intermediate, random: &random
            )
        }
    }

    /// The STI-PA CRL signer, certified by the STI-CA root so that standard path validation accepts
    /// the indirect SHAKEN CRL (docs/conformance.md, "The sandbox PKI"). A data directory from before
    /// keeps its key and name; a signer not issued by the root is certified again under it.
    private static func crlSigner(
        directory: DataDirectory, environment: SandboxEnvironment, root: KeyedCertificate, lifetime: TimeInterval,
        random: inout SandboxRandomNumberGenerator
    ) throws(AppError) -> KeyedCertificate {
        let now = environment.now()
        func certify(_ key: P256.Signing.PrivateKey) throws -> Certificate {
            try STICertificateBuilder.issueCRLSigner(
                subject: try DistinguishedName.shaken(commonName: "STI-PA CRL Signer", organization: "Sandbox STI-PA", country: "US"),
                publicKey: Certificate.PublicKey(key.publicKey), issuer: root.certificate, issuerPrivateKey: root.privateKey,
                notValidBefore: now - 3_600, notValidAfter: now + lifetime, using: &random
            )
        }
        let signer = try KeyedCertificate.loadOrCreate("pa/crl-signer", in: directory, environment: environment, make: certify)
        let issuedByRoot = signer.certificate.issuer == root.certificate.subject
            && root.certificate.publicKey.isValidSignature(signer.certificate.signature, for: signer.certificate)
        if issuedByRoot { return signer }
        let renewed: Certificate
        do {
            renewed = try certify(signer.key)
        } catch {
            throw AppError(.keyMaterial, "cannot certify the CRL signer under the STI-CA root: \(error)")
        }
        guard renewed.subject == signer.certificate.subject else {
            throw AppError(.corruptState, "the CRL signer in \(directory.path("pa")) has an unexpected name \(signer.certificate.subject)")
        }
        try directory.write(certificates: [renewed], to: "pa/crl-signer.pem")
        return KeyedCertificate(certificate: renewed, key: signer.key)
    }

    private static func tlsAuthority(
        directory: DataDirectory, environment: SandboxEnvironment, random: inout SandboxRandomNumberGenerator
    ) throws(AppError) -> LocalTLSAuthority {
        if let certificate = try directory.read(tlsRootFile), let key = try directory.read("tls/root.key") {
            do {
                return try LocalTLSAuthority(rootCertificatePEM: String(decoding: certificate, as: UTF8.self), rootKeyPEM: String(decoding: key, as: UTF8.self))
            } catch {
                throw AppError(.corruptState, "the TLS root in \(directory.path("tls")) does not load: \(error)")
            }
        }
        do {
            let authority = try LocalTLSAuthority(rootKey: environment.makeKey(), now: environment.now(), random: &random)
            try directory.write(authority.rootKeyPEM, to: "tls/root.key", secret: true)
            try directory.write(try authority.rootCertificatePEM, to: tlsRootFile)
            return authority
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(.keyMaterial, "cannot create the local TLS root: \(error)")
        }
    }
}
