"""The index's list of words (SearchWord): what a misspelt word of a query is compared with."""

from django.db import connection, transaction

from search import text
from search.models import SearchEntry, SearchWord


def _lemmas_of(entries):
    return {word for entry in entries for word in f"{entry.title_lemmas} {entry.body_lemmas}".split()}


@transaction.atomic
def rebuild_words():
    """The distinct lemmas of the whole index, with how many entries hold each."""
    SearchWord.objects.all().delete()
    if connection.vendor == "postgresql":
        # ts_stat reads the lemma vectors in the server; the stem is PostgreSQL's own.
        with connection.cursor() as cursor:
            cursor.execute(
                f"""INSERT INTO {SearchWord._meta.db_table} (word, stem, entries)
                SELECT word, coalesce((ts_lexize('danish_stem', word))[1], word), ndoc
                FROM ts_stat('SELECT lemma_vector FROM {SearchEntry._meta.db_table}')
                WHERE length(word) BETWEEN 2 AND 100"""  # noqa: S608 - table names, no input
            )
        return
    counts = {}
    for lemmas in SearchEntry.objects.values_list("title_lemmas", "body_lemmas").iterator(chunk_size=2000):
        for word in set(" ".join(lemmas).split()):
            counts[word] = counts.get(word, 0) + 1
    SearchWord.objects.bulk_create(
        (
            SearchWord(word=word, stem=text.stem(word), entries=count)
            for word, count in counts.items()
            if 2 <= len(word) <= 100
        ),
        batch_size=2000,
    )


def add_words(entries):
    """An edited entry's new words; stale ones go at the next full rebuild."""
    SearchWord.objects.bulk_create(
        (
            SearchWord(word=word, stem=text.stem(word))
            for word in _lemmas_of(entries)
            if 2 <= len(word) <= 100
        ),
        ignore_conflicts=True,
    )
