import SwiftASN1
import Testing
import X509

@testable import STIRCertificates

@Suite("STIR certificate extensions")
struct ExtensionTests {
    @Test("RFC 9118 example enhanced JWT claim constraints decode and re-encode byte for byte")
    func rfc9118Example() throws {
        let value = try Fixtures.vector("rfc9118-ejwtcc.hex")
        let ext = Certificate.Extension(oid: .STIR.enhancedJWTClaimConstraints, critical: false, value: value[...])
        let constraints = try EnhancedJWTClaimConstraints(ext)
        #expect(constraints.mustInclude == ["confidence"])
        #expect(constraints.permittedValues == [try JWTClaimPermittedValues(claim: "confidence", values: ["high", "medium"])])
        #expect(constraints.mustExclude == ["priority"])
        let reencoded = try Certificate.Extension(constraints, critical: false)
        #expect(Array(reencoded.value) == value)
    }

    @Test("Enhanced constraints report missing, unpermitted and excluded claims")
    func enhancedEvaluation() throws {
        let value = try Fixtures.vector("rfc9118-ejwtcc.hex")
        let constraints = try EnhancedJWTClaimConstraints(
            Certificate.Extension(oid: .STIR.enhancedJWTClaimConstraints, critical: false, value: value[...])
        )
        #expect(constraints.evaluate(claims: ["confidence": "high", "orig": nil]).isEmpty)
        let violations = constraints.evaluate(claims: ["confidence": "low", "priority": "1"])
        #expect(
            violations == [
                JWTClaimConstraintViolation(kind: .valueNotPermitted, claim: "confidence", value: "low"),
                JWTClaimConstraintViolation(kind: .excludedClaimPresent, claim: "priority"),
            ]
        )
        #expect(constraints.evaluate(claims: [:]) == [JWTClaimConstraintViolation(kind: .missingRequiredClaim, claim: "confidence")])
        #expect(constraints.evaluate(claims: ["confidence": nil]).map(\.kind) == [.valueNotPermitted])
    }

    @Test("RFC 8226 JWT claim constraints round-trip and evaluate")
    func jwtClaimConstraintsRoundTrip() throws {
        let constraints = try JWTClaimConstraints(
            mustInclude: ["rcd"],
            permittedValues: [try JWTClaimPermittedValues(claim: "attest", values: ["A"])]
        )
        let ext = try Certificate.Extension(constraints, critical: false)
        #expect(ext.oid == .STIR.jwtClaimConstraints)
        #expect(try JWTClaimConstraints(ext) == constraints)
        #expect(Fixtures.hex(ext.value) == "301CA00730051603726364A111300F300D16066174746573743003" + "0C0141")
        #expect(constraints.evaluate(claims: ["attest": "B"]).map(\.kind) == [.missingRequiredClaim, .valueNotPermitted])
        #expect(constraints.evaluate(claimNames: ["rcd", "attest"], stringValue: { _ in "A" }).isEmpty)
    }

    @Test("Certificate policies encode the SHAKEN CP OID and keep qualifiers")
    func certificatePolicies() throws {
        let single = try CertificatePolicies(identifiers: [SHAKENPolicy.v1_3])
        let ext = try Certificate.Extension(single, critical: false)
        #expect(Fixtures.hex(ext.value) == "300E300C060A6086480186FF09010103")
        #expect(try Certificate.Extensions([ext]).certificatePolicies == single)

        // PolicyQualifierInfo { id-qt-cps, IA5String "https://cps.example" }
        let qualifier = Fixtures.bytes(hex: "301F06082B06010505070201161368747470733A2F2F6370732E6578616D706C65")
        let withQualifier = try CertificatePolicies([.init(SHAKENPolicy.v1_4, qualifiers: [qualifier])])
        let decoded = try CertificatePolicies(try Certificate.Extension(withQualifier, critical: false))
        #expect(decoded.policies.first?.qualifiers == [qualifier])
        #expect(decoded.policyIdentifiers == [SHAKENPolicy.v1_4])
    }

    @Test("CRL distribution point with URL and cRLIssuer has the expected DER and round-trips")
    func crlDistributionPoints() throws {
        let direct = try CRLDistributionPoints([try DistributionPoint(url: "http://a", crlIssuer: nil)])
        let ext = try Certificate.Extension(direct, critical: false)
        #expect(Fixtures.hex(ext.value) == "3010300EA00CA00A8608687474703A2F2F61")

        let issuer = try DistinguishedName.shaken(commonName: "STI-PA CRL", organization: "PA", country: "US")
        let point = try DistributionPoint(
            distributionPoint: .fullName([.uniformResourceIdentifier("https://crl.example/x.crl")]),
            reasons: [.keyCompromise, .caCompromise],
            crlIssuer: [.directoryName(issuer)]
        )
        let indirect = try CRLDistributionPoints([point])
        let encoded = try Certificate.Extension(indirect, critical: false)
        #expect(Fixtures.hex(encoded.value).contains("81020560"))
        let decoded = try #require(try Certificate.Extensions([encoded]).crlDistributionPoints)
        #expect(decoded == indirect)
        #expect(decoded.points.first?.uris == ["https://crl.example/x.crl"])
        #expect(decoded.points.first?.crlIssuerNames == [issuer])

        let relative = try DistributionPoint(
            distributionPoint: .nameRelativeToCRLIssuer(RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: "CRL1"))),
            crlIssuer: [.directoryName(issuer)]
        )
        let relativeExt = try Certificate.Extension(try CRLDistributionPoints([relative]), critical: false)
        #expect(try CRLDistributionPoints(relativeExt).points == [relative])
    }

    @Test("Reason flags use the minimal named-bit encoding", arguments: [
        (ReasonFlags.keyCompromise, "03020640"),
        (ReasonFlags.aaCompromise, "0303070080"),
        (ReasonFlags([.unused, .privilegeWithdrawn]), "03020081"),
        (ReasonFlags(), "030100"),
    ])
    func reasonFlags(flags: ReasonFlags, hex: String) throws {
        var serializer = DER.Serializer()
        try serializer.serialize(flags.bitString)
        #expect(Fixtures.hex(serializer.serializedBytes) == hex)
        #expect(try ReasonFlags(bitString: flags.bitString) == flags)
    }

    @Test("Value constructors reject empty or inconsistent content")
    func constructorsReject() {
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) { try CertificatePolicies([]) }
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) {
            try CertificatePolicies(identifiers: [SHAKENPolicy.v1_4, SHAKENPolicy.v1_4])
        }
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) { try CRLDistributionPoints([]) }
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) {
            try DistributionPoint(distributionPoint: nil, reasons: .keyCompromise)
        }
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) { try JWTClaimConstraints() }
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) {
            try EnhancedJWTClaimConstraints(mustInclude: ["a"], mustExclude: ["a"])
        }
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) { try JWTClaimPermittedValues(claim: "x", values: []) }
        #expect(throws: STIRCertificatesError(.invalidExtensionValue, "")) { try JWTClaimConstraints(mustInclude: ["é"]) }
    }

    @Test("Decoders refuse an extension with another OID")
    func wrongOID() throws {
        let ext = Certificate.Extension(oid: .STIR.tnAuthList, critical: false, value: [0x30, 0x00])
        let expected = STIRCertificatesError(.unexpectedExtensionOID, "")
        #expect(throws: expected) { try CertificatePolicies(ext) }
        #expect(throws: expected) { try CRLDistributionPoints(ext) }
        #expect(throws: expected) { try JWTClaimConstraints(ext) }
        #expect(throws: expected) { try EnhancedJWTClaimConstraints(ext) }
    }
}
