"""Pages of 100 (page_size up to 1000); a page that does not exist is a 400, not a 404.

Kept apart from api.problems for the same reason as api.throttling (DRF's settings).
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound as error:
            raise exceptions.ValidationError({self.page_query_param: [_("Siden findes ikke.")]}) from error

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not (raw.isdigit() and 0 < int(raw) <= self.max_page_size):
            raise exceptions.ValidationError(
                {
                    self.page_size_query_param: [
                        _("Skal være et helt tal fra 1 til %(max)s.") % {"max": self.max_page_size}
                    ]
                }
            )
        return super().get_page_size(request)
