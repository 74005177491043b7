"""Peer for `invitesheet validate`: python-calamine reads every row and applies the same
username, email-domain and duplicate rules, writing one CSV line per finding.

    python3 calamine_validate.py USERS.xlsx [EXISTING.csv] [ERRORS_OUT.csv]
"""
import csv, re, sys
from python_calamine import CalamineWorkbook

LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")
USERNAME = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9_. -]*[A-Za-z0-9])?$")


def email_problem(email, user_type):
    if not email:
        return "email.required"
    if len(email) > 254 or email.count("@") != 1:
        return "email.invalid"
    local, domain = email.split("@")
    labels = domain.lower().split(".")
    if not LOCAL.match(local) or len(labels) < 2 or not all(LABEL.match(l) for l in labels) or not labels[-1].isalpha():
        return "email.invalid"
    if user_type == "public officer":
        if domain.lower() == "gov.sg":
            return "email.bare-gov-sg"
        if not domain.lower().endswith(".gov.sg"):
            return "email.domain-not-government"
    return None


def username_problem(username):
    if not username:
        return "username.required"
    if len(username) > 64:
        return "username.too-long"
    if ".." in username:
        return "username.consecutive-periods"
    if not USERNAME.match(username):
        return "username.invalid-character"
    return None


def main():
    path = sys.argv[1]
    existing_emails, existing_usernames = set(), set()
    if len(sys.argv) > 2:
        with open(sys.argv[2], newline="") as f:
            for r in csv.DictReader(f):
                if r.get("email"): existing_emails.add(r["email"].strip().lower())
                if r.get("username"): existing_usernames.add(r["username"].strip().lower())
    out = open(sys.argv[3] if len(sys.argv) > 3 else "/dev/null", "w", newline="")
    w = csv.writer(out)
    w.writerow(["row", "code"])
    sheet = CalamineWorkbook.from_path(path).get_sheet_by_index(0)
    rows = sheet.iter_rows()
    header = [str(h).replace("*", "").strip().lower() for h in next(rows)]
    ie, it, iu = header.index("email address"), header.index("user type"), header.index("techpass username")
    seen_email, seen_user = {}, {}
    findings = invalid = 0
    for n, row in enumerate(rows, start=2):
        if not any(str(v).strip() for v in row):
            continue
        email = str(row[ie]).strip(); user_type = str(row[it]).strip().lower(); username = str(row[iu]).strip()
        codes = []
        p = email_problem(email, user_type)
        if p: codes.append(p)
        if user_type == "vendor":
            p = username_problem(username)
            if p: codes.append(p)
        key = email.lower()
        if key:
            if key in seen_email: codes.append("duplicate.email-in-file")
            else: seen_email[key] = n
            if key in existing_emails: codes.append("duplicate.existing-email")
        if user_type == "vendor" and username:
            u = username.lower()
            if u in seen_user: codes.append("duplicate.username-in-file")
            else: seen_user[u] = n
            if u in existing_usernames: codes.append("duplicate.existing-username")
        for c in codes:
            w.writerow([n, c])
        findings += len(codes); invalid += bool(codes)
    out.close()
    print(f"{invalid} invalid rows, {findings} findings")


if __name__ == "__main__":
    main()
