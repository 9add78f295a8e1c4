"""Every public page of the site, for sitemap.xml."""

from legal.sitemaps import InstrumentSitemap, ProvisionSitemap
from organisation.sitemaps import OrganisationSitemap, UnitSitemap
from overview.sitemaps import GoalOverviewSitemap, GoalSitemap, MunicipalitySitemap, StaticSitemap
from policies.sitemaps import PolicySitemap, ThemeSitemap
from strategies.sitemaps import StrategySitemap

SITEMAPS = {
    "sider": StaticSitemap,
    "kommuner": MunicipalitySitemap,
    "organisation": OrganisationSitemap,
    "enheder": UnitSitemap,
    "politikker": PolicySitemap,
    "temaer": ThemeSitemap,
    "strategier": StrategySitemap,
    "maal": GoalOverviewSitemap,
    "maalsider": GoalSitemap,
    "retskilder": InstrumentSitemap,
    "bestemmelser": ProvisionSitemap,
}
