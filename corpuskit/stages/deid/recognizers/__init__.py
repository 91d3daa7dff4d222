"""Built-in recognizers. Each is registered under `corpuskit.recognizers` in pyproject.toml.

A recognizer class declares `LANGUAGES`; the engine builds one instance per
language it serves. Plugins add recognizers the same way (see README, section deid).
"""

from corpuskit.stages.deid.recognizers.en_clinical import (
    ClinicalDateRecognizer,
    ContextPhoneRecognizer,
    DriverLicenseRecognizer,
    EmployerRecognizer,
    EnglishAgeRecognizer,
    EnglishLicensePlateRecognizer,
    EnglishPersonNameRecognizer,
    HealthcareFacilityRecognizer,
    IdentityDocumentRecognizer,
    MedicalRecordNumberRecognizer,
    PhoneWithExtensionRecognizer,
    ResidencePlaceRecognizer,
    StreetAddressRecognizer,
)
from corpuskit.stages.deid.recognizers.en_names import LexiconNameRecognizer
from corpuskit.stages.deid.recognizers.legal_finance import (
    AccountNumberRecognizer,
    CompanyNameRecognizer,
    ContractPartyRecognizer,
    SignatoryRecognizer,
)
from corpuskit.stages.deid.recognizers.zh import (
    CreditCodeRecognizer,
    EmailRecognizerCjk,
    IpRecognizerCjk,
    ResidentIdRecognizer,
    TaiwanHongKongIdRecognizer,
    UrlRecognizerCjk,
    ZhAgeRecognizer,
    ZhAnchoredCardRecognizer,
    ZhBankCardRecognizer,
    ZhDateRecognizer,
    ZhLicensePlateRecognizer,
    ZhMedicalRecordRecognizer,
    ZhMobilePhoneRecognizer,
    ZhPassportRecognizer,
)
from corpuskit.stages.deid.recognizers.zh_address import (
    ZhAddressRecognizer,
    ZhOrganizationRecognizer,
    ZhPlaceNameRecognizer,
)
from corpuskit.stages.deid.recognizers.zh_names import ZhPersonNameRecognizer

__all__ = [
    "AccountNumberRecognizer",
    "CompanyNameRecognizer",
    "ClinicalDateRecognizer",
    "ContextPhoneRecognizer",
    "DriverLicenseRecognizer",
    "EnglishLicensePlateRecognizer",
    "EnglishPersonNameRecognizer",
    "IdentityDocumentRecognizer",
    "LexiconNameRecognizer",
    "ZhOrganizationRecognizer",
    "ContractPartyRecognizer",
    "CreditCodeRecognizer",
    "EmailRecognizerCjk",
    "EmployerRecognizer",
    "EnglishAgeRecognizer",
    "HealthcareFacilityRecognizer",
    "ResidencePlaceRecognizer",
    "IpRecognizerCjk",
    "MedicalRecordNumberRecognizer",
    "PhoneWithExtensionRecognizer",
    "ResidentIdRecognizer",
    "TaiwanHongKongIdRecognizer",
    "SignatoryRecognizer",
    "StreetAddressRecognizer",
    "UrlRecognizerCjk",
    "ZhAddressRecognizer",
    "ZhAgeRecognizer",
    "ZhAnchoredCardRecognizer",
    "ZhBankCardRecognizer",
    "ZhDateRecognizer",
    "ZhLicensePlateRecognizer",
    "ZhMedicalRecordRecognizer",
    "ZhMobilePhoneRecognizer",
    "ZhPassportRecognizer",
    "ZhPersonNameRecognizer",
    "ZhPlaceNameRecognizer",
]
