"""The categories of good encounters (contract §5.4): plain data, without the model (pydantic),
so a command can name them in its help without importing the models (issue 18)."""

from __future__ import annotations

# key → (Danish label, what counts, in one line). Order is the order on pages and sheets.
CATEGORY_INFO: dict[str, tuple[str, str]] = {
    "samtale": ("Samtale", "En god snak: du hilste, lyttede eller talte med en gæst, og det gik godt."),
    "hjaelp": ("Hjælp", "Praktisk hjælp, fx med en blanket, MitID, printeren eller at finde noget."),
    "deeskalering": ("Deeskalering", "En situation, der kunne være gået galt, faldt til ro."),
    "henvisning": ("Henvisning", "Du henviste til eller fulgte en gæst til en partner, fx et værested."),
    "arrangement": ("Arrangement", "Et arrangement med brugerne gik godt, fx en læsekreds eller en fest."),
    "andet": ("Andet", "Et andet møde, der gik godt."),
}
CATEGORIES: dict[str, str] = {key: label for key, (label, _) in CATEGORY_INFO.items()}
