#!/usr/bin/env python3
"""Writes the user-list fixtures of issue 8 section 4 ("Reading what people really upload"),
made the way people and their scripts make them: openpyxl workbooks and plain CSV.

    python3 Tests/Fixtures/make_user_lists.py

Every file has the template header and rows that are valid except for the one thing it shows.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_fixtures import FIXED_DOC_TIME, normalise_zip  # noqa: E402  (one copy of the fixed-time rewrite)

HEADER = ["Email address*", "User type*", "TechPass username", "First name*", "Last name*",
          "Contact number*", "Organisation", "Department", "SEED onboarding required?*", "Reason*",
          "Sponsoring agency", "Business operation", "Offshore development centre",
          "Offshore company name"]

OFFICER = ["jane.tan@tech.gov.sg", "Public officer", "", "Jane", "Tan", "+6591234567", "", "",
           "No", "Developer on the MyAgency portal", "", "", "", ""]
VENDOR = ["jiahui.lim@ncs.com.sg", "Vendor", "Lim Jia Hui", "Jia Hui", "Lim", "+6581234567",
          "NCS Pte Ltd", "Digital Services", "Yes", "Support engineer", "GovTech", "Onshore", "", ""]


def row(base, email, **changes):
    r = list(base)
    r[0] = email
    for key, value in changes.items():
        r[HEADER_KEYS.index(key)] = value
    return r


HEADER_KEYS = ["email", "userType", "username", "firstName", "lastName", "contactNumber",
               "organisation", "department", "seed", "reason", "sponsoringAgency",
               "businessOperation", "odc", "offshoreCompany"]


def save(name, rows, header=HEADER, text_cells=True):
    """An openpyxl workbook with one Users sheet; '' cells are left empty."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Users"
    ws.append(header)
    for r in rows:
        ws.append([None if v == "" else v for v in r])
    wb.properties.creator = "make_user_lists.py"
    wb.properties.created = FIXED_DOC_TIME
    path = os.path.join(HERE, name)
    wb.save(path)
    normalise_zip(path)


def save_csv(name, rows, header=HEADER):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def mojibake(text):
    """Text saved as UTF-8 and read back as Windows-1252."""
    return text.encode("utf-8").decode("cp1252", errors="strict")


def main():
    # 1. A formula with no saved result in the email column (row 2) and a valid row (row 3).
    save("user-formula-no-value.xlsx", [
        row(OFFICER, '=LOWER("JANE.TAN@TECH.GOV.SG")'),
        row(OFFICER, "wei.ling@tech.gov.sg", firstName="Wei Ling"),
    ])

    # 2. UTF-8 read back as Windows-1252: a damaged header (ï»¿ before Email address*) and names.
    damaged_header = [mojibake("\ufeff") + HEADER[0]] + HEADER[1:]
    save("user-mojibake.xlsx", [
        row(OFFICER, "siobhan.murphy@tech.gov.sg", firstName=mojibake("Siobhán"), lastName="Murphy"),
        row(OFFICER, "mei.ling@tech.gov.sg", firstName=mojibake("Mei\u00a0Ling"), lastName="Lee"),
        row(OFFICER, "alvaro.nunez@tech.gov.sg", firstName="Álvaro", lastName="Núñez"),
        row(OFFICER, "zoe.muller@tech.gov.sg", firstName="Zoë", lastName="Müller-Lüdenscheidt"),
        row(OFFICER, "chen.wei@tech.gov.sg", firstName="陈", lastName="伟"),
        row(OFFICER, "joao.goncalves@tech.gov.sg", firstName="João", lastName="Gonçalves"),
    ], header=damaged_header)
    # The same header with a real U+FEFF left in the cell (a BOM copied into a header).
    save("user-bom-header.xlsx", [row(OFFICER, "jane.tan@tech.gov.sg")],
         header=["\ufeff" + HEADER[0]] + HEADER[1:])

    # 3. Values in columns that do not apply to the row.
    save("user-not-applicable.xlsx", [
        row(VENDOR, "onshore.vendor@ncs.com.sg", username="Onshore Vendor", odc="India",
            offshoreCompany="NCS India Pvt Ltd"),
        row(OFFICER, "officer.onshore@tech.gov.sg", businessOperation="Onshore",
            sponsoringAgency="GovTech", username="officer.onshore"),
        row(VENDOR, "offshore.vendor@ncs.com.sg", username="Offshore Vendor", businessOperation="Offshore",
            odc="India", contactNumber="+91 98765 43210"),
    ])

    # 4. Singapore names with s/o, d/o and @, and an email address typed as a name.
    save("user-names.xlsx", [
        row(OFFICER, "raj.kumar@tech.gov.sg", firstName="Raj s/o Kumar", lastName="Kumar"),
        row(OFFICER, "siti.ahmad@tech.gov.sg", firstName="Siti d/o Ahmad", lastName="Ahmad"),
        row(OFFICER, "tan.ahkau@tech.gov.sg", firstName="Tan Ah Kau @ Tan Ah Kow", lastName="Tan"),
        row(OFFICER, "jane.lee@tech.gov.sg", firstName="jane.lee@tech.gov.sg", lastName="Lee"),
    ])

    # 5. Contact numbers typed into General cells (Excel stores them as numbers), and as text.
    save("user-contact-numbers.xlsx", [
        row(OFFICER, "uk.number@tech.gov.sg", contactNumber=447911123456),
        row(OFFICER, "lost.zero@tech.gov.sg", contactNumber=123456789),
        row(OFFICER, "sg.number@tech.gov.sg", contactNumber=91234567),
        row(OFFICER, "sci.text@tech.gov.sg", contactNumber="6.59123E+11"),
        row(OFFICER, "spaced@tech.gov.sg", contactNumber=" 9123 4567 "),
    ])
    save_csv("user-contact-numbers.csv", [
        row(OFFICER, "uk.number@tech.gov.sg", contactNumber="447911123456"),
        row(OFFICER, "sci.text@tech.gov.sg", contactNumber="4.47911E+11"),
    ])
    # 6. Contact numbers from other countries and service lines, checked against libphonenumber.
    save_csv("user-phone-numbers.csv", [
        row(OFFICER, "uk.office@tech.gov.sg", contactNumber="+44 20 7946 0958"),
        row(OFFICER, "au.mobile@tech.gov.sg", contactNumber="+61 412 345 678"),
        row(OFFICER, "toll.free@tech.gov.sg", contactNumber="1800 123 4567"),
        row(OFFICER, "no.country@tech.gov.sg", contactNumber="+999 1234 5678"),
        row(OFFICER, "us.area@tech.gov.sg", contactNumber="+1 123 456 7890"),
        row(OFFICER, "sg.unallocated@tech.gov.sg", contactNumber="3768 4268"),
        row(OFFICER, "premium@tech.gov.sg", contactNumber="1900 123 4567"),
        row(OFFICER, "sg.mobile@tech.gov.sg", contactNumber="8123 4567"),
    ])
    save("user-phone-numbers.xlsx", [
        row(OFFICER, "sg.plus@tech.gov.sg", contactNumber=6591234567),
        row(OFFICER, "au.plus@tech.gov.sg", contactNumber=61412345678),
        row(OFFICER, "toll.free@tech.gov.sg", contactNumber=18001234567),
        row(OFFICER, "us.area@tech.gov.sg", contactNumber=11234567890),
        row(OFFICER, "sg.unallocated@tech.gov.sg", contactNumber=37684268),
    ])
    make_control_chars()
    print("user-list fixtures written to", HERE)


def make_control_chars():
    # 6. ESC (ANSI colour and title sequences), BEL and backspaces typed into cells of a CSV: still
    #    CSV text, read as such, and the validators flag each of those cells.
    save_csv("user-control-chars.csv", [
        row(OFFICER, "jane.tan@tech.gov.sg", firstName="\x1b[31mJane\x1b[0m", lastName="Tan\x07"),
        row(OFFICER, "bob.lee@tech.gov.sg", firstName="Bob\x1b]0;pwned\x07", lastName="Lee\x08\x08"),
        row(OFFICER, "wei.ling@tech.gov.sg", firstName="Wei Ling", lastName="Tan"),
    ])


if __name__ == "__main__":
    main()
