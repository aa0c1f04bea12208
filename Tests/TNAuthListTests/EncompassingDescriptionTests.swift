import Testing
import TNAuthList

@Suite("Encompassing verdicts read as sentences")
struct EncompassingDescriptionTests {
    @Test("each verdict names its entries, codes sorted")
    func descriptions() throws {
        #expect(Encompassing.encompassed.description == "encompassed")
        let outside = Encompassing.notEncompassed(uncovered: [.spc(try spc("4321")), .range(try range("12025550200", 5))])
        #expect(outside.description == "not encompassed: spc:4321, range:12025550200+5")
        let unprovable = Encompassing.unprovable(numbers: [.tn(try tn("12025550110"))], underSPCs: [try spc("5678"), try spc("1234")])
        #expect(unprovable.description == "unprovable: tn:12025550110 under SPC 1234, 5678")
    }
}
