from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The index follows archive changes; archive itself knows nothing of search.
        from search import signals

        signals.connect()
