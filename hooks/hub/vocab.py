"""Controlled vocabularies: the only words a record may use in its coded fields.

One module of constants, so that the models, the JSON Schemas, the templates, the error hints
and the contributor docs all read the same lists. Each mapping goes from the word a contributor
writes (lower-case, hyphenated) to the label a reader sees.
"""

from __future__ import annotations

PARTNER_TYPES: dict[str, str] = {
    "ministry": "Ministry of health",
    "provincial-health-office": "Provincial or state health office",
    "municipal-health-office": "Municipal or local health office",
    "medical-university": "Medical university",
    "research-institution": "Research institution",
    "hospital": "Hospital",
    "development-partner": "Development partner",
    "ngo": "Non-governmental organisation",
    "professional-network": "Professional network",
}

# Partner types that are government bodies; only these may carry a `tier`.
GOVERNMENT_TYPES: frozenset[str] = frozenset(
    {"ministry", "provincial-health-office", "municipal-health-office"}
)

TIERS: dict[str, str] = {
    "federal": "Federal / national",
    "provincial": "Provincial / state",
    "local": "Local / municipal",
}

# One topic vocabulary for partners' focus, members' interests, briefs' topics.
TOPICS: dict[str, str] = {
    "primary-care": "Primary health care",
    "community-health": "Community health",
    "health-policy": "Health policy",
    "health-financing": "Health financing",
    "uhc": "Universal health coverage",
    "social-medicine": "Social medicine",
    "social-determinants": "Social determinants of health",
    "health-equity": "Health equity",
    "medical-education": "Medical education",
    "digital-health": "Digital health",
    "maternal-child-health": "Maternal and child health",
    "ncds": "Noncommunicable diseases",
    "infectious-disease": "Infectious disease",
    "mental-health": "Mental health",
    "health-workforce": "Health workforce",
    "nutrition": "Nutrition",
    "climate-health": "Climate and health",
    "health-information": "Health information systems",
}

# SDG 3 targets, and the few targets of other goals that health-equity work cites most.
# Labels abridged from the UN global indicator framework (A/RES/71/313).
SDG_TARGETS: dict[str, str] = {
    "1.3": "Social protection systems for all",
    "3.1": "Reduce maternal mortality",
    "3.2": "End preventable deaths of newborns and children under 5",
    "3.3": "End AIDS, tuberculosis, malaria and neglected tropical diseases",
    "3.4": "Reduce premature mortality from NCDs; promote mental health",
    "3.5": "Prevent and treat substance abuse",
    "3.6": "Halve deaths and injuries from road traffic accidents",
    "3.7": "Universal access to sexual and reproductive health care",
    "3.8": "Achieve universal health coverage",
    "3.9": "Reduce deaths and illnesses from hazardous chemicals and pollution",
    "3.a": "Strengthen implementation of the WHO Framework Convention on Tobacco Control",
    "3.b": "Research and access to affordable essential medicines and vaccines",
    "3.c": "Increase health financing and the health workforce in developing countries",
    "3.d": "Strengthen capacity for early warning and management of health risks",
    "5.6": "Universal access to sexual and reproductive health and rights",
    "6.2": "Access to adequate and equitable sanitation and hygiene",
    "10.2": "Social, economic and political inclusion of all",
    "17.18": "Availability of high-quality, timely and disaggregated data",
}

MEMBER_ROLES: dict[str, str] = {
    "fellow": "Fellow",
    "mentor": "Mentor",
    "coordinator": "Coordinator",
    "alumni": "Alumni",
    "steering-committee": "Steering committee",
}

PROFESSIONS: dict[str, str] = {
    "physician": "Physician",
    "nurse": "Nurse",
    "midwife": "Midwife",
    "pharmacist": "Pharmacist",
    "dentist": "Dentist",
    "public-health-specialist": "Public health specialist",
    "community-health-worker": "Community health worker",
    "epidemiologist": "Epidemiologist",
    "health-economist": "Health economist",
    "health-informatician": "Health informatician",
    "policy-analyst": "Policy analyst",
    "researcher": "Researcher",
    "medical-student": "Medical student",
}

BRIEF_STATUSES: dict[str, str] = {
    "draft": "Draft (validated, never published)",
    "published": "Published",
    "archived": "Archived (published, marked as no longer current)",
}

TRACK_LEVELS: dict[str, str] = {
    "introductory": "Introductory",
    "intermediate": "Intermediate",
    "advanced": "Advanced",
}

COMPETENCIES: dict[str, str] = {
    "leadership": "Leadership",
    "communication": "Communication",
    "critical-thinking": "Critical thinking",
    "social-medicine": "Social medicine",
    "health-systems-policy": "Health systems and policy",
    "research-evidence": "Research and evidence",
    "digital-health": "Digital health",
    "community-engagement": "Community engagement",
    "ethics": "Ethics and professionalism",
    "advocacy": "Advocacy",
}

SESSION_FORMATS: dict[str, str] = {
    "lecture": "Lecture",
    "case-study": "Case study",
    "discussion": "Discussion",
    "fieldwork": "Fieldwork",
    "simulation": "Simulation",
    "workshop": "Workshop",
    "journal-club": "Journal club",
    "project": "Project work",
}

WHO_REGIONS: dict[str, str] = {
    "AFR": "African Region",
    "AMR": "Region of the Americas",
    "SEAR": "South-East Asia Region",
    "EUR": "European Region",
    "EMR": "Eastern Mediterranean Region",
    "WPR": "Western Pacific Region",
}

INCOME_GROUPS: dict[str, str] = {
    "LIC": "Low income",
    "LMC": "Lower-middle income",
    "UMC": "Upper-middle income",
    "HIC": "High income",
}

LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "ar": "Arabic",
    "ne": "Nepali",
    "bn": "Bengali",
    "hi": "Hindi",
    "sw": "Swahili",
}
