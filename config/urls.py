"""URL routes: the public search pages, the JSON API and the admin."""

from django.contrib import admin
from django.urls import path

from archive.admin import review
from search import views

admin.site.site_header = "Dispatch curation"
admin.site.site_title = "Dispatch"
# The lists need the whole width (title, outlet, date, countries, speakers, counts and the
# filters); the models are one click away on the admin's home page.
admin.site.enable_nav_sidebar = False
admin.site.index_template = "admin/dispatch_index.html"  # with the review queue's counts

urlpatterns = [
    path("", views.search_page, name="search"),
    path("api/search", views.api_search, name="api-search"),
    path("api/statements", views.api_statements, name="api-statements"),
    path("facets/<slug:name>/", views.facet_values, name="facet-values"),
    path("articles/<int:pk>/", views.article_page, name="article"),
    path("speakers/<slug:slug>/", views.speaker_page, name="speaker"),
    path("countries/<str:code>/", views.country_page, name="country"),
    path("export.csv", views.export_results, {"fmt": "csv"}, name="export-csv"),
    path("export.json", views.export_results, {"fmt": "json"}, name="export-json"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/review/", admin.site.admin_view(review.queue), name="review-queue"),
    path("admin/review/act/", admin.site.admin_view(review.act), name="review-act"),
    path("admin/", admin.site.urls),
]
