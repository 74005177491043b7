/// Singapore-flavoured names, agencies and vendors for generated user lists.
enum SampleData {
    /// A person: how the name is written, and an ASCII handle for addresses and usernames.
    struct Person {
        var first: String
        var last: String
        var handleFirst: String
        var handleLast: String
    }

    static let people: [Person] = [
        Person(first: "Wei Ming", last: "Tan", handleFirst: "weiming", handleLast: "tan"),
        Person(first: "Jia Hui", last: "Lim", handleFirst: "jiahui", handleLast: "lim"),
        Person(first: "Hui Min", last: "Ng", handleFirst: "huimin", handleLast: "ng"),
        Person(first: "Jun Jie", last: "Goh", handleFirst: "junjie", handleLast: "goh"),
        Person(first: "Xin Yi", last: "Wong", handleFirst: "xinyi", handleLast: "wong"),
        Person(first: "Kok Leong", last: "Chua", handleFirst: "kokleong", handleLast: "chua"),
        Person(first: "Mei Ling", last: "Lee-Tan", handleFirst: "meiling", handleLast: "leetan"),
        Person(first: "Muhammad Faizal", last: "bin Rahman", handleFirst: "faizal", handleLast: "rahman"),
        Person(first: "Nur Aisyah", last: "binte Ismail", handleFirst: "aisyah", handleLast: "ismail"),
        Person(first: "Siti Nurhaliza", last: "Osman", handleFirst: "siti", handleLast: "osman"),
        Person(first: "Hafiz", last: "Abdullah", handleFirst: "hafiz", handleLast: "abdullah"),
        Person(first: "Priya", last: "Ramasamy", handleFirst: "priya", handleLast: "ramasamy"),
        Person(first: "Arun", last: "Krishnan", handleFirst: "arun", handleLast: "krishnan"),
        Person(first: "Kavitha", last: "Subramaniam", handleFirst: "kavitha", handleLast: "subramaniam"),
        Person(first: "Rajesh", last: "Pillai", handleFirst: "rajesh", handleLast: "pillai"),
        Person(first: "Daniel", last: "D'Souza", handleFirst: "daniel", handleLast: "dsouza"),
        Person(first: "Sarah", last: "de Souza", handleFirst: "sarah", handleLast: "desouza"),
        Person(first: "Nguyễn Thị", last: "Hương", handleFirst: "huong", handleLast: "nguyen"),
        Person(first: "Maria Cristina", last: "Dela Cruz", handleFirst: "mariacristina", handleLast: "delacruz"),
        Person(first: "伟明", last: "陈", handleFirst: "weiming", handleLast: "chen"),
        Person(first: "பிரியா", last: "ராமசாமி", handleFirst: "priya", handleLast: "ramasamy"),
        Person(first: "Ahmad", last: "Hidayat", handleFirst: "ahmad", handleLast: "hidayat"),
        Person(first: "Li", last: "Na", handleFirst: "lina", handleLast: "li"),
        Person(first: "J.", last: "O'Connor", handleFirst: "james", handleLast: "oconnor"),
    ]

    /// Agency email domains and display names.
    static let agencies: [(domain: String, name: String)] = [
        ("tech.gov.sg", "GovTech"), ("mom.gov.sg", "MOM"), ("hdb.gov.sg", "HDB"), ("moh.gov.sg", "MOH"),
        ("iras.gov.sg", "IRAS"), ("lta.gov.sg", "LTA"), ("cpf.gov.sg", "CPF Board"), ("ura.gov.sg", "URA"),
        ("ica.gov.sg", "ICA"), ("moe.gov.sg", "MOE"), ("mnd.gov.sg", "MND"), ("nea.gov.sg", "NEA"),
    ]

    /// Vendor companies, their email domains and a short name for government-device addresses.
    static let vendors: [(name: String, domain: String, short: String)] = [
        ("NCS Pte Ltd", "ncs.com.sg", "ncs"), ("Accenture Pte Ltd", "accenture.com", "accenture"),
        ("ST Engineering", "stengg.com", "stengg"), ("Ensign InfoSecurity", "ensigninfosecurity.com", "ensign"),
        ("Acme Digital Pte Ltd", "acmedigital.sg", "acme"), ("Lion City Software", "lioncity.io", "lioncity"),
        ("Merlion Analytics", "merlion-analytics.com", "merlion"), ("Tembusu Systems", "tembusu.com.sg", "tembusu"),
    ]

    static let departments = [
        "Digital Services", "Data Science", "Infrastructure", "Cyber Security", "Product Management",
        "Corporate Services", "Policy and Planning", "Platform Engineering",
    ]

    static let reasons = [
        "Developer on the MyAgency portal project",
        "Needs SGTS access to deploy services on the Government Commercial Cloud",
        "Data engineer for the analytics platform",
        "QA tester for the citizen services app",
        "Product owner reviewing releases in TechBiz",
        "Vendor support engineer for the case management system",
        "Security reviewer for penetration testing",
    ]

    static let offshoreCompanies = ["Acme Offshore Services", "Bluewave Tech Solutions", "Harbour Code Labs"]

    /// International numbers by ODC country, as people type them.
    static let internationalNumbers: [String: [String]] = [
        "India": ["+91 98765 43210", "+91 91234 56789"],
        "Vietnam": ["+84 912 345 678", "+84 903 123 456"],
        "Philippines": ["+63 917 123 4567", "+63 918 765 4321"],
        "Malaysia": ["+60 12-345 6789", "+60 16-234 5678"],
        "China": ["+86 138 0013 8000", "+86 139 1234 5678"],
        "Indonesia": ["+62 812 3456 7890", "+62 813 9876 5432"],
    ]
}
