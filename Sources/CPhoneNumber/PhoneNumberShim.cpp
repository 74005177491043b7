// The only C++ in the package: libphonenumber's PhoneNumberUtil behind the C functions of
// include/CPhoneNumber.h. No exceptions or C++ types cross the boundary.
#include "CPhoneNumber.h"

#include <cstring>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

static_assert(int(PhoneNumberUtil::TOO_LONG_NSN) == int(ipn_parse_too_long), "ErrorType order");
static_assert(int(PhoneNumberUtil::TOO_LONG) == int(ipn_possible_too_long), "ValidationResult order");
static_assert(int(PhoneNumberUtil::INVALID_COUNTRY_CODE) == int(ipn_possible_invalid_country_code), "ValidationResult order");
static_assert(int(PhoneNumberUtil::UNKNOWN) == int(ipn_type_unknown), "PhoneNumberType order");
static_assert(int(PhoneNumberUtil::VOICEMAIL) == int(ipn_type_voicemail), "PhoneNumberType order");

namespace {

void copy(const std::string &from, char *to, size_t capacity) {
    size_t n = from.size() < capacity - 1 ? from.size() : capacity - 1;
    std::memcpy(to, from.data(), n);
    to[n] = '\0';
}

void describe(const PhoneNumberUtil &util, const PhoneNumber &number, ipn_number *out) {
    out->country_code = number.country_code();
    out->national_number = number.national_number();
    out->valid = util.IsValidNumber(number) ? 1 : 0;
    out->type = static_cast<int32_t>(util.GetNumberType(number));
    out->possibility = static_cast<int32_t>(util.IsPossibleNumberWithReason(number));
    std::string region;
    util.GetRegionCodeForNumber(number, &region);
    copy(region, out->region, sizeof out->region);
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    copy(e164, out->e164, sizeof out->e164);
}

}  // namespace

extern "C" int ipn_parse(const char *text, size_t length, const char *default_region, ipn_number *out) {
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    PhoneNumberUtil::ErrorType error = util.Parse(std::string(text, length), default_region, &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) return static_cast<int>(error);
    describe(util, number, out);
    return ipn_parse_ok;
}

extern "C" void ipn_classify(int32_t country_code, uint64_t national_number, ipn_number *out) {
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    number.set_country_code(country_code);
    number.set_national_number(national_number);
    describe(util, number, out);
}

extern "C" int32_t ipn_valid_type(int32_t country_code, uint64_t national_number) {
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    number.set_country_code(country_code);
    number.set_national_number(national_number);
    // IsValidNumber is "GetNumberType is not UNKNOWN" for the number's own region (the same helper
    // on the same metadata), so one call answers both; SingaporeFastPathTests holds the two together.
    PhoneNumberUtil::PhoneNumberType type = util.GetNumberType(number);
    return type == PhoneNumberUtil::UNKNOWN ? -1 : static_cast<int32_t>(type);
}

extern "C" void ipn_region_for_country_code(int32_t country_code, char region[4]) {
    std::string code;
    PhoneNumberUtil::GetInstance()->GetRegionCodeForCountryCode(country_code, &code);
    copy(code, region, 4);
}
