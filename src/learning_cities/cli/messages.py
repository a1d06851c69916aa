"""The command line's words, one table per language: adding a language is a data edit.

Each table maps a message key to a :meth:`str.format` template; every table has every key
(the tests check it against English).
``era_offset`` is the number of years to add to a Common Era year for the years shown
(543 for the Thai Buddhist Era), and ``ordinal`` writes the numbers of editions and
conferences (English picks a suffix by the ``ordinal.*`` keys).

>>> sorted(MESSAGES)
['en', 'th']
>>> MESSAGES["th"]["year"].format(year=2567)
'พ.ศ. 2567'
>>> Messages("th").date(__import__("datetime").date(2024, 2, 14))
'14 กุมภาพันธ์ พ.ศ. 2567'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from .._repr import shown

__all__ = ["LANGUAGES", "MESSAGES", "Messages"]

_ENGLISH: Final[dict[str, str]] = {
    # how numbers, years and dates are written
    "era_offset": "0",
    "year": "{year}",
    "date": "{iso}",
    "ordinal": "{n}{suffix}",
    "ordinal.1": "st",
    "ordinal.2": "nd",
    "ordinal.3": "rd",
    "ordinal.other": "th",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    "list": ", ",
    "edition": "{ordinal}",
    # values
    "region.Africa": "Africa",
    "region.Arab States": "Arab States",
    "region.Asia and the Pacific": "Asia and the Pacific",
    "region.Europe and North America": "Europe and North America",
    "region.Latin America and the Caribbean": "Latin America and the Caribbean",
    "status.active": "active",
    "status.withdrawn": "withdrawn",
    "outcome.met": "met",
    "outcome.not met": "not met",
    "outcome.unknown": "unknown",
    "verdict.true": "eligible",
    "verdict.false": "not eligible",
    "verdict.none": "cannot be decided from the data",
    "unknown": "unknown",
    "none": "none",
    "not_yet_known": "not yet known",
    # field labels
    "label.country": "country",
    "label.region": "region",
    "label.joined": "joined",
    "label.member_since": "member since",
    "label.in_network": "in network",
    "label.cohorts": "cohorts",
    "label.status": "status",
    "label.awards": "awards",
    "label.local_names": "local names",
    "label.official_names": "official names",
    "label.also_called": "also called",
    "label.conflict": "conflict",
    "label.doubt": "doubt",
    "label.last_confirmed": "last confirmed",
    "label.kind": "kind",
    "label.location": "location",
    "label.population": "population",
    "kind.city": "city",
    "kind.municipality": "municipality",
    "kind.district": "district",
    "kind.county": "county",
    "kind.province": "province",
    "kind.region": "region",
    "kind.consortium": "consortium",
    "label.sources": "sources",
    "label.source": "source",
    "label.call": "call",
    "label.edition": "edition",
    "label.conference": "conference",
    "label.dates": "dates",
    "label.host": "host",
    "label.theme": "theme",
    "label.event": "event",
    "label.note": "note",
    # summary
    "summary.title": "UNESCO Global Network of Learning Cities: data as of {date}, {age}",
    "summary.records": (
        "{active} active records in {countries} countries: {dated} dated members on {today}, {undated} undated"
    ),
    "summary.withdrawn": "withdrawn records, counted apart: {withdrawn}",
    "summary.reported": "UNESCO reported {cities} cities in {countries} countries on {date}",
    "summary.coverage": "Members held against UNESCO's reported figures (complete = every reported member held):",
    "column.admitted": "admitted",
    "column.held": "held",
    "column.reported": "reported",
    "column.missing": "missing",
    "column.countries": "countries",
    "coverage.unreported": "no reported count",
    "coverage.complete": "complete",
    "coverage.share": "{share} held",
    "coverage.complete_cohorts": "complete cohorts: {cohorts}; a dash means UNESCO gave no count",
    "coverage.none_yet": "none yet",
    "summary.recency": "Active members by their newest dated confirmation as members:",
    "recency.confirmed 2022 or later": "confirmed 2022 or later",
    "recency.confirmed 2019-2021": "confirmed 2019-2021",
    "recency.confirmed only before 2019": "confirmed only before 2019",
    "recency.no dated confirmation": "no dated confirmation",
    "summary.regions": "Active members held by region:",
    "summary.region": "{region} {cities:>4} cities in {countries:>2} countries",
    "summary.awards": "UNESCO Learning City Award:",
    "summary.award": "{year}  {edition} edition, at the {conference} conference: {laureates} laureates",
    "summary.next_award": "{year}  {edition} edition, projected: the next, not yet held",
    # cities and countries
    "city.member_by": "{joined} (a member by {year})",
    "city.left": "from {since} until it withdrew",
    "city.left_in": "from {since} until it withdrew in {year}",
    "city.line": "{name} ({country})",
    "search.none": "no member city is close to {text}",
    "country.title": "{name}  ({code}, {alpha3})",
    "country.cities": "member cities held ({active} active), by join year:",
    # cohorts
    "cohort.title": "Cohort {year}: announced {date}",
    "cohort.reported": "UNESCO reported: {cities} new cities from {countries} countries",
    "cohort.after": "; network after: {cities} cities in {countries} countries",
    "cohort.held": "held:    {held} active records from {countries} countries",
    "cohort.complete": " (complete)",
    "cohort.missing": " ({missing} not yet found)",
    "cohort.correction": "correction: {field} first {original}, corrected to {corrected}",
    "cohort.cities": "cities ({count}):",
    # conferences and awards
    "conference.name": "{ordinal} International Conference on Learning Cities",
    "conference.title": "{name} ({year})",
    "conference.span": "{start} to {end}",
    "conference.planned_month": "planned for {month} {year}",
    "conference.planned": "planned for {year}",
    "conference.no_host": "host not yet known",
    "award.title": "{year}: {edition} UNESCO Learning City Award, {laureates} laureates",
    "award.at": "at the {conference}",
    "award.projected": "{year}: {edition} UNESCO Learning City Award, projected ({rule}); not yet held",
    "award.projected_next": (
        "{year}: {edition} UNESCO Learning City Award, projected ({rule}): the next edition, not yet held"
    ),
    "awards.next": "next: {year}, {edition} edition, projected ({rule}); not yet held",
    "rule.triennial": "every three years, the rule in force",
    "rule.biennial": "every two years",
    "rule.held": "held, from the data",
    "next.title": "Next UNESCO Learning City Award after {date}: {year}",
    "next.projected": " (projected)",
    "next.held": " (held)",
    "next.kind_projected": "projected from the rule in force",
    "next.kind_held": "held, from the data",
    # eligibility
    "eligibility.title": "{city} ({country}) for the {year} UNESCO Learning City Award: {verdict}",
    "membership.title": "{city} ({country}) applying to join on {date}: {verdict}",
    "eligibility.reasons": "",
    "eligibility.assumed": "{call} (the latest known call; the one that applies is not yet published)",
    # members on a date
    "members.title": "Members on {date}: {count} dated members",
    "members.since": "since {date}",
    "members.undated": "Undated active records, shown apart (members today; no source dates them): {count}",
    "members.reconcile": "Today ({date}): {dated} dated members + {undated} undated = {active} active records",
    # releases: the data's age and what changed between two network documents
    "age.today": "today",
    "age.day": "1 day ago",
    "age.days": "{days} days ago",
    "age.ahead": "{days} days after today",
    "label.data_as_of": "data as of",
    "diff.installed": "the installed data",
    "diff.none": "No changes from {old} (data as of {old_date}) to {new} (data as of {new_date})",
    "diff.title": "Changes from {old} (data as of {old_date}) to {new} (data as of {new_date}): {count}",
    "diff.added": "{count} added",
    "diff.removed": "{count} removed",
    "diff.changed": "{count} changed",
    "diff.kind.added": "added",
    "diff.kind.removed": "removed",
    "diff.kind.changed": "changed",
    "diff.reordered": "the same, in another order",
    "diff.section.network": "network",
    "diff.section.cities": "cities",
    "diff.section.countries": "countries",
    "diff.section.cohorts": "cohorts",
    "diff.section.awards": "awards",
    "diff.section.conferences": "conferences",
    "diff.section.network_totals": "network totals",
    "diff.section.membership_changes": "membership changes",
    "diff.section.country_totals": "country totals",
}

_THAI: Final[dict[str, str]] = {
    "era_offset": "543",
    "year": "พ.ศ. {year}",
    "date": "{day} {month} พ.ศ. {year}",
    "ordinal": "ที่ {n}",
    "ordinal.1": "",
    "ordinal.2": "",
    "ordinal.3": "",
    "ordinal.other": "",
    "month.1": "มกราคม",
    "month.2": "กุมภาพันธ์",
    "month.3": "มีนาคม",
    "month.4": "เมษายน",
    "month.5": "พฤษภาคม",
    "month.6": "มิถุนายน",
    "month.7": "กรกฎาคม",
    "month.8": "สิงหาคม",
    "month.9": "กันยายน",
    "month.10": "ตุลาคม",
    "month.11": "พฤศจิกายน",
    "month.12": "ธันวาคม",
    "list": ", ",
    "edition": "ครั้ง{ordinal}",
    "region.Africa": "แอฟริกา",
    "region.Arab States": "กลุ่มประเทศอาหรับ",
    "region.Asia and the Pacific": "เอเชียและแปซิฟิก",
    "region.Europe and North America": "ยุโรปและอเมริกาเหนือ",
    "region.Latin America and the Caribbean": "ละตินอเมริกาและแคริบเบียน",
    "status.active": "คงสถานะ",
    "status.withdrawn": "ถอนตัวแล้ว",
    "outcome.met": "ผ่าน",
    "outcome.not met": "ไม่ผ่าน",
    "outcome.unknown": "ไม่ทราบ",
    "verdict.true": "มีสิทธิ์",
    "verdict.false": "ไม่มีสิทธิ์",
    "verdict.none": "ตัดสินจากข้อมูลที่มีไม่ได้",
    "unknown": "ไม่ทราบ",
    "none": "ไม่มี",
    "not_yet_known": "ยังไม่ทราบ",
    "label.country": "ประเทศ",
    "label.region": "ภูมิภาค",
    "label.joined": "ปีที่เข้าร่วม",
    "label.member_since": "เป็นสมาชิกตั้งแต่",
    "label.in_network": "อยู่ในเครือข่าย",
    "label.cohorts": "รุ่น",
    "label.status": "สถานะ",
    "label.awards": "รางวัล",
    "label.local_names": "ชื่อท้องถิ่น",
    "label.official_names": "ชื่อทางการ",
    "label.also_called": "ชื่ออื่น",
    "label.conflict": "ข้อมูลขัดแย้ง",
    "label.doubt": "ข้อสงสัย",
    "label.last_confirmed": "ยืนยันล่าสุด",
    "label.kind": "ประเภท",
    "label.location": "ที่ตั้ง",
    "label.population": "ประชากร",
    "kind.city": "เมือง",
    "kind.municipality": "เทศบาล",
    "kind.district": "เขต",
    "kind.county": "เทศมณฑล",
    "kind.province": "จังหวัด",
    "kind.region": "ภูมิภาค",
    "kind.consortium": "กลุ่มความร่วมมือ",
    "label.sources": "แหล่งที่มา",
    "label.source": "แหล่งที่มา",
    "label.call": "ประกาศรับสมัคร",
    "label.edition": "รางวัล",
    "label.conference": "การประชุม",
    "label.dates": "วันที่",
    "label.host": "เจ้าภาพ",
    "label.theme": "หัวข้อ",
    "label.event": "งาน",
    "label.note": "หมายเหตุ",
    "summary.title": "เครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโก: ข้อมูล ณ {date} ({age})",
    "summary.records": (
        "ระเบียนที่คงสถานะ {active} รายการ ใน {countries} ประเทศ: ระบุวันที่เป็นสมาชิกได้ {dated} เมือง "
        "ณ {today} และไม่ทราบวันที่ {undated} เมือง"
    ),
    "summary.withdrawn": "ระเบียนที่ถอนตัวแล้ว นับแยก: {withdrawn}",
    "summary.reported": "ยูเนสโกรายงานว่ามี {cities} เมือง ใน {countries} ประเทศ ณ {date}",
    "summary.coverage": "สมาชิกที่มีข้อมูลเทียบกับตัวเลขที่ยูเนสโกรายงาน (ครบ = มีข้อมูลทุกเมืองที่รายงาน):",
    "column.admitted": "รุ่นที่รับ",
    "column.held": "มีข้อมูล",
    "column.reported": "รายงาน",
    "column.missing": "ขาด",
    "column.countries": "ประเทศ",
    "coverage.unreported": "ไม่มีตัวเลขรายงาน",
    "coverage.complete": "ครบ",
    "coverage.share": "มีข้อมูล {share}",
    "coverage.complete_cohorts": "รุ่นที่มีข้อมูลครบ: {cohorts}; ขีด (-) หมายถึงยูเนสโกไม่ได้ให้ตัวเลข",
    "coverage.none_yet": "ยังไม่มี",
    "summary.recency": "สมาชิกที่คงสถานะ ตามปีล่าสุดที่แหล่งข้อมูลยืนยันการเป็นสมาชิก:",
    "recency.confirmed 2022 or later": "ยืนยันตั้งแต่ พ.ศ. 2565",
    "recency.confirmed 2019-2021": "ยืนยัน พ.ศ. 2562-2564",
    "recency.confirmed only before 2019": "ยืนยันก่อน พ.ศ. 2562 เท่านั้น",
    "recency.no dated confirmation": "ไม่มีแหล่งข้อมูลที่ระบุปี",
    "summary.regions": "สมาชิกที่คงสถานะ แยกตามภูมิภาค:",
    "summary.region": "{region} {cities:>4} เมือง ใน {countries:>2} ประเทศ",
    "summary.awards": "รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก:",
    "summary.award": "{year}  ครั้ง{edition} ในการประชุมครั้ง{conference}: ผู้ได้รับรางวัล {laureates} เมือง",
    "summary.next_award": "{year}  ครั้ง{edition} คาดการณ์: ครั้งถัดไป ยังไม่จัด",
    "city.member_by": "{joined} (เป็นสมาชิกแล้วภายใน {year})",
    "city.left": "ตั้งแต่ {since} จนถอนตัว",
    "city.left_in": "ตั้งแต่ {since} จนถอนตัวใน {year}",
    "city.line": "{name} ({country})",
    "search.none": "ไม่มีเมืองสมาชิกที่ชื่อใกล้เคียงกับ {text}",
    "country.title": "{name}  ({code}, {alpha3})",
    "country.cities": "เมืองสมาชิกที่มีข้อมูล (คงสถานะ {active} เมือง) เรียงตามปีที่เข้าร่วม:",
    "cohort.title": "รุ่น {year}: ประกาศเมื่อ {date}",
    "cohort.reported": "ยูเนสโกรายงาน: เมืองใหม่ {cities} เมือง จาก {countries} ประเทศ",
    "cohort.after": "; หลังรับสมาชิก เครือข่ายมี {cities} เมือง ใน {countries} ประเทศ",
    "cohort.held": "มีข้อมูล: {held} ระเบียนที่คงสถานะ จาก {countries} ประเทศ",
    "cohort.complete": " (ครบ)",
    "cohort.missing": " (ยังหาไม่พบ {missing} เมือง)",
    "cohort.correction": "แก้ไข: {field} เดิม {original} แก้เป็น {corrected}",
    "cohort.cities": "เมือง ({count}):",
    "conference.name": "การประชุมนานาชาติว่าด้วยเมืองแห่งการเรียนรู้ ครั้ง{ordinal}",
    "conference.title": "{name} ({year})",
    "conference.span": "{start} ถึง {end}",
    "conference.planned_month": "กำหนดจัดในเดือน{month} {year}",
    "conference.planned": "กำหนดจัดใน {year}",
    "conference.no_host": "ยังไม่ทราบเจ้าภาพ",
    "award.title": "{year}: รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก ครั้ง{edition}, ผู้ได้รับรางวัล {laureates} เมือง",
    "award.at": "ใน{conference}",
    "award.projected": "{year}: รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก ครั้ง{edition} คาดการณ์ ({rule}); ยังไม่จัด",
    "award.projected_next": ("{year}: รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก ครั้ง{edition} คาดการณ์ ({rule}): ครั้งถัดไป ยังไม่จัด"),
    "awards.next": "ครั้งถัดไป: {year} ครั้ง{edition} คาดการณ์ ({rule}); ยังไม่จัด",
    "rule.triennial": "ทุกสามปี ตามกฎที่ใช้อยู่",
    "rule.biennial": "ทุกสองปี",
    "rule.held": "จัดแล้ว ตามข้อมูล",
    "next.title": "รางวัลเมืองแห่งการเรียนรู้ของยูเนสโกครั้งถัดไปหลัง {date}: {year}",
    "next.projected": " (คาดการณ์)",
    "next.held": " (จัดแล้ว)",
    "next.kind_projected": "คาดการณ์จากกฎที่ใช้อยู่",
    "next.kind_held": "จัดแล้ว ตามข้อมูล",
    "eligibility.title": "{city} ({country}) สำหรับรางวัลเมืองแห่งการเรียนรู้ของยูเนสโก {year}: {verdict}",
    "membership.title": "{city} ({country}) สมัครเข้าร่วมเมื่อ {date}: {verdict}",
    "eligibility.reasons": "(เหตุผลและหลักเกณฑ์แสดงเป็นภาษาอังกฤษตามข้อมูลต้นฉบับ)",
    "eligibility.assumed": "{call} (ประกาศล่าสุดที่ทราบ; ประกาศที่ใช้จริงยังไม่เผยแพร่)",
    "members.title": "สมาชิก ณ {date}: ระบุวันที่ได้ {count} เมือง",
    "members.since": "ตั้งแต่ {date}",
    "members.undated": "ระเบียนที่คงสถานะแต่ไม่ทราบวันที่ แสดงแยก (เป็นสมาชิกในปัจจุบัน ไม่มีแหล่งใดระบุวันที่): {count}",
    "members.reconcile": "วันนี้ ({date}): ระบุวันที่ได้ {dated} + ไม่ทราบวันที่ {undated} = ระเบียนที่คงสถานะ {active}",
    "age.today": "วันนี้",
    "age.day": "1 วันก่อน",
    "age.days": "{days} วันก่อน",
    "age.ahead": "หลังวันนี้ {days} วัน",
    "label.data_as_of": "ข้อมูล ณ",
    "diff.installed": "ข้อมูลที่ติดตั้งอยู่",
    "diff.none": "ไม่มีการเปลี่ยนแปลงจาก {old} (ข้อมูล ณ {old_date}) ถึง {new} (ข้อมูล ณ {new_date})",
    "diff.title": "การเปลี่ยนแปลงจาก {old} (ข้อมูล ณ {old_date}) ถึง {new} (ข้อมูล ณ {new_date}): {count} รายการ",
    "diff.added": "เพิ่ม {count}",
    "diff.removed": "นำออก {count}",
    "diff.changed": "เปลี่ยน {count}",
    "diff.kind.added": "เพิ่ม",
    "diff.kind.removed": "นำออก",
    "diff.kind.changed": "เปลี่ยน",
    "diff.reordered": "เหมือนเดิม แต่ลำดับต่างไป",
    "diff.section.network": "เครือข่าย",
    "diff.section.cities": "เมือง",
    "diff.section.countries": "ประเทศ",
    "diff.section.cohorts": "รุ่น",
    "diff.section.awards": "รางวัล",
    "diff.section.conferences": "การประชุม",
    "diff.section.network_totals": "ยอดรวมของเครือข่าย",
    "diff.section.membership_changes": "การเปลี่ยนแปลงสมาชิกภาพ",
    "diff.section.country_totals": "ยอดรวมรายประเทศ",
}

#: Message tables by language tag, each with every key.
MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {"en": _ENGLISH, "th": _THAI}
#: The languages ``--lang`` takes.
LANGUAGES: Final[tuple[str, ...]] = tuple(MESSAGES)


class Messages:
    """The words, years and dates of one language.

    >>> en, th = Messages("en"), Messages("th")
    >>> en.year(2024), th.year(2024)
    ('2024', 'พ.ศ. 2567')
    >>> en.ordinal(2), en.ordinal(12), en.ordinal(23), th.ordinal(2)
    ('2nd', '12th', '23rd', 'ที่ 2')
    >>> en("city.line", name="Cork", country="Ireland")
    'Cork (Ireland)'
    """

    def __init__(self, lang: str) -> None:
        if lang not in MESSAGES:
            raise ValueError(f"no messages for language {shown(lang)}; languages: {', '.join(LANGUAGES)}")
        self.lang = lang
        self._table = MESSAGES[lang]
        #: Years added to a Common Era year for the years this language shows (543 in Thai).
        self.era_offset = int(self("era_offset"))

    def __call__(self, key: str, **values: Any) -> str:
        """The message ``key`` filled with ``values``."""
        return self._table[key].format(**values)

    def year(self, year: int | None) -> str:
        """A Common Era year written in this language's era; ``None`` is unknown."""
        if year is None:
            return self("unknown")
        return self("year", year=year + self.era_offset)

    def date(self, day: dt.date | None) -> str:
        """A date written in this language (``None`` is unknown)."""
        if day is None:
            return self("unknown")
        return self(
            "date",
            iso=day.isoformat(),
            day=day.day,
            month=self(f"month.{day.month}"),
            year=day.year + self.era_offset,
        )

    def ordinal(self, number: int) -> str:
        """``number`` as an ordinal: '1st', '2nd' in English."""
        last = number % 10
        suffix = "other" if 10 <= number % 100 <= 20 or last not in (1, 2, 3) else str(last)
        return self("ordinal", n=number, suffix=self(f"ordinal.{suffix}"))
