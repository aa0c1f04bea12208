import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@testable import CertificateRevocation

@Suite("CRL validity and revocation status (RFC 5280 §6.3.3)")
struct CRLValidationTests {
    let now = TestPKI.referenceTime

    @Test("A usable CRL reports a listed certificate as revoked and an unlisted one as good")
    func revokedAndGood() throws {
        let ca = try TestPKI.authority("Status CA")
        let revoked = try TestPKI.leaf(serial: 10, issuedBy: ca)
        let fine = try TestPKI.leaf(serial: 11, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [TestPKI.entry(10, reason: .keyCompromise)])
        #expect(crl.validate(signer: ca.certificate, for: revoked, at: now) == .usable)
        guard case .revoked(let entry) = crl.status(of: revoked, signer: ca.certificate, at: now) else {
            Issue.record("expected revoked")
            return
        }
        #expect(entry.reason == .keyCompromise)
        #expect(crl.status(of: fine, signer: ca.certificate, at: now) == .good)
    }

    @Test("Past nextUpdate plus grace the CRL is stale and the status unknown")
    func staleIsUnknown() throws {
        let ca = try TestPKI.authority("Stale CA")
        let leaf = try TestPKI.leaf(serial: 11, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [])
        let late = now + 86_400 + 1800
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: late) == .stale(nextUpdate: now + 86_400))
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: late, grace: 3600) == .usable)
        guard case .unknown = crl.status(of: leaf, signer: ca.certificate, at: late) else {
            Issue.record("a stale CRL must not give a verdict")
            return
        }
    }

    @Test("Before thisUpdate the CRL is unusable")
    func notYetValid() throws {
        let ca = try TestPKI.authority("Early CA")
        let leaf = try TestPKI.leaf(serial: 11, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [])
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: now - 7200) == .unusable(.notYetValid(thisUpdate: now - 3600)))
    }

    @Test("An unknown critical CRL extension makes the status unknown")
    func unknownCriticalExtension() throws {
        let ca = try TestPKI.authority("Critical CA")
        let leaf = try TestPKI.leaf(serial: 11, issuedBy: ca)
        let oid: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 55_555, 1]
        let crl = try TestPKI.crl(from: ca, entries: [], additionalExtensions: [
            Certificate.Extension(oid: oid, critical: true, value: [0x05, 0x00]),
        ])
        #expect(crl.unhandledCriticalExtensions == [oid])
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: now) == .unusable(.unhandledCriticalExtensions([oid])))
        #expect(crl.status(of: leaf, signer: ca.certificate, at: now) != .good)
    }

    @Test("An unknown non-critical CRL extension is ignored")
    func unknownNonCriticalExtension() throws {
        let ca = try TestPKI.authority("Lenient CA")
        let leaf = try TestPKI.leaf(serial: 11, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [], additionalExtensions: [
            Certificate.Extension(oid: [1, 3, 6, 1, 4, 1, 55_555, 2], critical: false, value: [0x05, 0x00]),
        ])
        #expect(crl.status(of: leaf, signer: ca.certificate, at: now) == .good)
    }

    @Test("A signer whose keyUsage lacks cRLSign cannot vouch for a CRL")
    func signerWithoutCRLSign() throws {
        let ca = try TestPKI.authority("No CRL Sign CA", cRLSign: false)
        let leaf = try TestPKI.leaf(serial: 11, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [])
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: now) == .unusable(.signerLacksCRLSign))
        #expect(crl.status(of: leaf, signer: ca.certificate, at: now) != .good)
    }

    @Test("A signer with another key or another name is rejected")
    func wrongSigner() throws {
        let ca = try TestPKI.authority("Real CA")
        let impostor = try TestPKI.authority("Real CA")
        let stranger = try TestPKI.authority("Stranger CA")
        let leaf = try TestPKI.leaf(serial: 11, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [])
        #expect(crl.validate(signer: impostor.certificate, for: leaf, at: now) == .unusable(.invalidSignature))
        #expect(crl.validate(signer: stranger.certificate, for: leaf, at: now) == .unusable(.signerNameMismatch))
    }

    @Test("Indirect use requires the issuingDistributionPoint to assert indirectCRL")
    func indirectRequiresIDP() throws {
        let pa = try TestPKI.authority("Policy Administrator")
        let ca = try TestPKI.authority("Service Provider CA")
        let leaf = try TestPKI.leaf(serial: 12, issuedBy: ca)
        let direct = try TestPKI.crl(from: pa, entries: [])
        let indirect = try TestPKI.crl(
            from: pa,
            entries: [TestPKI.entry(12, reason: .keyCompromise, issuer: ca.name)],
            issuingDistributionPoint: try IssuingDistributionPoint(indirectCRL: true)
        )
        guard case .unusable(.outOfScope) = direct.validate(signer: pa.certificate, for: leaf, scope: CRLScope(distributionPoint: nil, crlIssuer: [.directoryName(pa.name)]), at: now) else {
            Issue.record("a CRL without indirectCRL must not cover another issuer's certificate")
            return
        }
        guard case .unusable(.outOfScope) = indirect.validate(signer: pa.certificate, for: leaf, at: now) else {
            Issue.record("without a cRLIssuer the CRL must be direct")
            return
        }
        guard case .revoked(let entry) = indirect.status(of: leaf, signer: pa.certificate, scope: CRLScope(distributionPoint: nil, crlIssuer: [.directoryName(pa.name)]), at: now) else {
            Issue.record("expected revoked through the indirect CRL")
            return
        }
        #expect(entry.certificateIssuer == ca.name)
        let other = try TestPKI.authority("Another Administrator")
        guard case .unusable(.outOfScope) = indirect.validate(signer: pa.certificate, for: leaf, scope: CRLScope(distributionPoint: nil, crlIssuer: [.directoryName(other.name)]), at: now) else {
            Issue.record("the CRL issuer must be one of the expected cRLIssuers")
            return
        }
    }

    @Test("onlyContainsCACerts excludes an end-entity certificate and onlyContainsUserCerts a CA")
    func onlyContainsFlags() throws {
        let root = try TestPKI.authority("Root")
        let intermediate = try TestPKI.authority("Intermediate", signedBy: root)
        let leaf = try TestPKI.leaf(serial: 13, issuedBy: root)
        let caOnly = try TestPKI.crl(from: root, entries: [], issuingDistributionPoint: try IssuingDistributionPoint(onlyContainsCACerts: true))
        let userOnly = try TestPKI.crl(from: root, entries: [], issuingDistributionPoint: try IssuingDistributionPoint(onlyContainsUserCerts: true))
        guard case .unusable(.outOfScope) = caOnly.validate(signer: root.certificate, for: leaf, at: now) else {
            Issue.record("onlyContainsCACerts must not cover an end-entity certificate")
            return
        }
        #expect(caOnly.status(of: intermediate.certificate, signer: root.certificate, at: now) == .good)
        guard case .unusable(.outOfScope) = userOnly.validate(signer: root.certificate, for: intermediate.certificate, at: now) else {
            Issue.record("onlyContainsUserCerts must not cover a CA certificate")
            return
        }
        #expect(userOnly.status(of: leaf, signer: root.certificate, at: now) == .good)
    }

    @Test("onlySomeReasons cannot prove a certificate unrevoked")
    func partialReasons() throws {
        let ca = try TestPKI.authority("Partial CA")
        let leaf = try TestPKI.leaf(serial: 14, issuedBy: ca)
        let crl = try TestPKI.crl(from: ca, entries: [], issuingDistributionPoint: try IssuingDistributionPoint(onlySomeReasons: [.keyCompromise]))
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: now) == .unusable(.partialReasonCoverage))
    }

    @Test("A missing or critical cRLNumber makes the CRL unusable (x509-limbo crlnumber cases)", arguments: [nil, true] as [Bool?])
    func crlNumberConformance(critical: Bool?) throws {
        let key = P256.Signing.PrivateKey()
        let ca = try TestPKI.authority("Number CA", key: Certificate.PrivateKey(key))
        let leaf = try TestPKI.leaf(serial: 15, issuedBy: ca)
        var raw = try RawCRL(issuer: ca.name)
        raw.crlExtensions = try critical.map { try RawCRL.extensions([RawCRL.crlNumber(3, critical: $0)]) }
        let crl = try CertificateRevocationList(derEncoded: raw.signed(with: key))
        #expect(crl.isSignatureValid(issuerPublicKey: ca.certificate.publicKey))
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: now) == .unusable(.nonConformingCRLNumber))
    }

    @Test("A CRL without nextUpdate is stale")
    func missingNextUpdate() throws {
        let key = P256.Signing.PrivateKey()
        let ca = try TestPKI.authority("Open Ended CA", key: Certificate.PrivateKey(key))
        let leaf = try TestPKI.leaf(serial: 16, issuedBy: ca)
        var raw = try RawCRL(issuer: ca.name)
        raw.nextUpdate = nil
        let crl = try CertificateRevocationList(derEncoded: raw.signed(with: key))
        #expect(crl.nextUpdate == nil)
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: now) == .stale(nextUpdate: nil))
    }

    @Test("A delta CRL is not used as a complete CRL")
    func deltaCRL() throws {
        let ca = try TestPKI.authority("Delta CA")
        let leaf = try TestPKI.leaf(serial: 17, issuedBy: ca)
        var builder = try CRLBuilder(signer: ca.certificate, thisUpdate: now - 60, nextUpdate: now + 60, crlNumber: CRLNumber(9))
        builder.deltaCRLIndicator = CRLNumber(8)
        let crl = try builder.sign(with: ca.key)
        #expect(crl.deltaCRLIndicator == CRLNumber(8))
        #expect(crl.validate(signer: ca.certificate, for: leaf, at: now) == .unusable(.deltaCRL))
    }
}
