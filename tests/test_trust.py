"""Trustworthy answers: one meaning of membership in time, pickles and copies, bounded errors.

One test per finding of the review that asked for them, each asserting the answer the data
gives now (the eligibility, award-schedule, CLI and serialization findings have their own
tests beside those modules).
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest

import learning_cities as lc
from learning_cities import _codec, _packaged


class TestMembershipInTime:
    def test_the_2015_laureates_are_members_on_the_day_they_received_the_award(self, net: lc.Network) -> None:
        opened = net.award(2015).conference.start
        assert opened == dt.date(2015, 9, 28)
        members = net.members_on(opened)
        assert len(members) == 12
        assert set(net.award(2015).laureates) == set(members)

    def test_cork_is_a_member_from_its_award(self, net: lc.Network) -> None:
        cork = net.city("Cork")
        assert cork.member_since == dt.date(2015, 9, 28)
        assert [award.year for award in net.awards_of(cork)] == [2015, 2024]

    def test_every_laureate_is_a_member_on_its_award_day(self, net: lc.Network) -> None:
        for award in net.awards:
            day = award.conference.start
            assert day is not None
            members = set(net.members_on(day))
            assert set(award.laureates) <= members, award.year

    def test_counts_reconcile_today(self, net: lc.Network) -> None:
        active = [city for city in net.cities if city.is_active]
        today = dt.date.today()
        assert len(net.members_on(today)) + len(net.undated) == len(active) == 401
        assert len(net.undated) == 11
        assert all(city.member_since is None and city.is_active for city in net.undated)
        network_row = lc.coverage()[-1]
        assert network_row.held == len(active)

    def test_a_withdrawn_city_is_not_a_member_after_it_left(self, net: lc.Network) -> None:
        laayoune = net.city("Laâyoune")
        assert (laayoune.status, laayoune.status_changed) == (lc.MembershipStatus.WITHDRAWN, 2020)
        assert laayoune not in net.members_on(dt.date(2021, 1, 1))
        assert laayoune not in net.members_on(dt.date.today())


class TestBuddhistEraGuard:
    @pytest.mark.parametrize(
        ("call", "common_era"),
        [
            (lambda net: net.cohort(2567), 2024),
            (lambda net: net.award(2570), 2027),
            (lambda net: net.where(joined=2567), 2024),
            (lambda net: net.where(confirmed_since=2568), 2025),
            (lambda net: net.members_on(dt.date(2567, 2, 14)), 2024),
            (lambda net: lc.award_schedule().cycle(2570), 2027),
            (lambda net: lc.check_award_eligibility("Khon Kaen", 2570), 2027),
        ],
    )
    def test_a_buddhist_era_year_names_the_common_era_year(self, net: lc.Network, call: Any, common_era: int) -> None:
        with pytest.raises(lc.BuddhistEraError) as caught:
            call(net)
        assert isinstance(caught.value, ValueError)
        assert caught.value.common_era == common_era
        assert str(common_era) in str(caught.value)
        assert "from_buddhist_era" in str(caught.value)

    def test_records_refuse_buddhist_era_years(self, net: lc.Network) -> None:
        with pytest.raises(lc.BuddhistEraError, match="2567 - 543 = 2024"):
            attrs.evolve(net.city("Khon Kaen"), joined=2567)


class TestCopiesAndPickles:
    def test_records_pickle_and_copy(self, net: lc.Network) -> None:
        for record in (net.city("Khon Kaen"), net.country("TH"), net.cohort(2024), net.award(2017), net.conference(6)):
            assert pickle.loads(pickle.dumps(record)) == record
            assert copy.copy(record) == record
            assert copy.deepcopy(record) == record

    def test_the_packaged_network_pickles_back_to_itself(self, net: lc.Network) -> None:
        assert pickle.loads(pickle.dumps(net)) is lc.load()
        assert copy.copy(net) is net
        assert copy.deepcopy(net) is net

    def test_another_network_pickles_to_an_equal_copy(self) -> None:
        other = lc.Network(**_codec.parse(_codec.read_bytes()))
        assert not _packaged.is_packaged(other)
        back = pickle.loads(pickle.dumps(other))
        assert back is not other
        assert back.cities == other.cities
        assert back.city("Bangkok") == other.city("Bangkok")

    def test_results_pickle(self, net: lc.Network) -> None:
        thai = net.where(country="TH")
        assert pickle.loads(pickle.dumps(thai)) == thai
        assert type(pickle.loads(pickle.dumps(thai))) is lc.Cities
        rows = lc.coverage()
        assert pickle.loads(pickle.dumps(rows)) == rows

    def test_the_shared_network_cannot_be_changed(self, net: lc.Network) -> None:
        with pytest.raises(AttributeError):
            del net.awards
        with pytest.raises(AttributeError):
            net.awards = ()
        assert len(net.awards) == 5


class TestBoundedErrors:
    def test_huge_ints_make_typed_errors(self, net: lc.Network) -> None:
        # past every Buddhist Era slip: out of the supported range, named in a bounded message
        with pytest.raises(ValueError, match="from 1 to 2399, not <int of about 5001 digits>"):
            net.cohort(10**5000)
        with pytest.raises(lc.UnknownAwardError):
            net.award(-(10**5000))

    def test_deeply_nested_values_in_messages(self, net: lc.Network) -> None:
        nested: Any = []
        for _ in range(100_000):
            nested = [nested]
        with pytest.raises(TypeError, match=r"\[\[\[\[\.\.\.\]\]\]\]"):
            net.city(nested)

    def test_long_text_with_combining_marks_is_answered_quickly(self, net: lc.Network) -> None:
        text = "a" + "\u0301\u0316" * 500_000  # 1 MB of marks of two classes: costly to reorder
        # (benchmarks/run.py times these; a quadratic path would take minutes here)
        with pytest.raises(lc.UnknownCountryError):
            net.country(text)
        with pytest.raises(lc.UnknownCountryError):
            net.where(country=text)
        with pytest.raises(lc.UnknownCityError):
            net.city(text)
        assert net.search(text) == ()

    def test_record_constructors_check_their_field_types(self, net: lc.Network) -> None:
        country = net.country("TH")
        with pytest.raises(TypeError, match=r"City\.joined must be a year"):
            lc.City(id="th-x", name="X", country=country, joined="2024")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"City\.country must be Country"):
            lc.City(id="th-x", name="X", country="TH", joined=2024)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"City\.region must be its country's region"):
            lc.City(id="th-x", name="X", country=country, joined=2024, region=lc.Region.AFRICA)
        with pytest.raises(TypeError, match=r"City.cohorts\[0\] must be a year"):
            lc.City(id="th-x", name="X", country=country, joined=2024, cohorts=(True,))
        with pytest.raises(ValueError, match="latitude must be from -90 to 90"):
            lc.Location(latitude=91.0, longitude=0.0, source="https://www.geonames.org/1")
        with pytest.raises(TypeError, match="must be a float"):
            lc.Location(latitude=1, longitude=0.0, source="https://www.geonames.org/1")
        city = lc.City(id="th-x", name="X", country=country, joined=2024)
        assert city.region is lc.Region.ASIA_PACIFIC

    def test_network_constructor_checks_its_records(self, net: lc.Network) -> None:
        with pytest.raises(TypeError, match=r"Network\.cities must be a tuple of City"):
            lc.Network(
                data_as_of=net.data_as_of,
                cities=("Bangkok",),  # type: ignore[arg-type]
                countries=(),
                cohorts=(),
                awards=(),
                conferences=(),
            )
        with pytest.raises(TypeError, match=r"datetime\.date"):
            lc.Network(data_as_of="2025-12-04", cities=(), countries=(), cohorts=(), awards=(), conferences=())  # type: ignore[arg-type]


def test_defaults_are_the_packaged_network(net: lc.Network) -> None:
    assert lc.coverage() == lc.coverage(net) == lc.coverage(None)
    assert lc.country_coverage() == lc.country_coverage(net)
    with pytest.raises(TypeError):
        lc.coverage("net")  # type: ignore[arg-type]


def test_dir_lists_the_public_api() -> None:
    names = dir(lc)
    assert set(lc.__all__) <= set(names)
    assert "threading" not in names
    assert "importlib" not in names
    for name in lc.__all__:
        assert getattr(lc, name) is not None, name
