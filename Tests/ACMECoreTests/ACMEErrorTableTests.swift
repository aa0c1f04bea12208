import ACMECore
import Testing

@Suite("ACME problem types (RFC 8555 §6.7)")
struct ACMEErrorTableTests {
    @Test("every type has its URN and HTTP status", arguments: [
        (ACMEError.Code.accountDoesNotExist, 400), (.alreadyRevoked, 400), (.badCSR, 400), (.badNonce, 400),
        (.badPublicKey, 400), (.badRevocationReason, 400), (.badSignatureAlgorithm, 400), (.caa, 403), (.compound, 403),
        (.connection, 400), (.dns, 400), (.externalAccountRequired, 400), (.incorrectResponse, 400),
        (.invalidContact, 400), (.malformed, 400), (.orderNotReady, 403), (.rateLimited, 429),
        (.rejectedIdentifier, 400), (.serverInternal, 500), (.tls, 400), (.unauthorized, 403),
        (.unsupportedContact, 400), (.unsupportedIdentifier, 400), (.userActionRequired, 403),
    ])
    func table(code: ACMEError.Code, status: Int) {
        #expect(code.urn == "urn:ietf:params:acme:error:\(code)")
        #expect(code.defaultHTTPStatus == status)
        #expect(ACMEError(code, "x").httpStatus == status)
    }

    @Test("the table lists the 24 RFC 8555 types once")
    func complete() {
        #expect(ACMEError.Code.table.count == 24)
        #expect(Set(ACMEError.Code.table).count == 24)
    }

    @Test("not found is malformed with 404, and equality is on the type")
    func notFound() {
        let error = ACMEError.notFound("order x")
        #expect(error.code == .malformed)
        #expect(error.httpStatus == 404)
        #expect(error == ACMEError(.malformed, "other"))
        #expect(error != ACMEError(.unauthorized, "order x"))
    }
}
