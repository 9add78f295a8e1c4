"""The index's list of words (SearchWord): what a misspelt word of a query is compared with."""

from collections import Counter

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
        # ts_stat reads the lemma vectors in the server: each distinct lemma once, with its count.
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT word, ndoc FROM ts_stat('SELECT lemma_vector FROM {SearchEntry._meta.db_table}')
                WHERE length(word) BETWEEN 2 AND 100"""  # noqa: S608 - table names, no input
            )
            counts = dict(cursor.fetchall())
    else:
        counts = Counter()
        lemmas = SearchEntry.objects.values_list("title_lemmas", "body_lemmas")
        for title, body in lemmas.iterator(chunk_size=2000):
            counts.update(set(f"{title} {body}".split()))
    SearchWord.objects.bulk_create(
        (
            SearchWord(word=word, key=text.key(word)[:100], entries=count)
            for word, count in counts.items()
            if 2 <= len(word) <= 100
        ),
        batch_size=2000,
    )


def add_words(entries):
    """An edited entry's new words; stale ones go at the next full rebuild."""
    SearchWord.objects.bulk_create(
        (
            SearchWord(word=word, key=text.key(word)[:100])
            for word in _lemmas_of(entries)
            if 2 <= len(word) <= 100
        ),
        ignore_conflicts=True,
    )
