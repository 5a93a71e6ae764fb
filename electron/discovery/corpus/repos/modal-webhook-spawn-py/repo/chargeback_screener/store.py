import modal

from .agent import Screening


class ScreeningStore:
    @staticmethod
    def _dict() -> modal.Dict:
        return modal.Dict.from_name("screenings", create_if_missing=True)

    @classmethod
    async def add(cls, screening: Screening) -> None:
        await cls._dict().put.aio(screening.dispute_id, screening.model_dump())

    @classmethod
    async def all(cls) -> list[Screening]:
        return [Screening.model_validate(value) async for value in cls._dict().values.aio()]

    @classmethod
    async def clear(cls) -> None:
        await cls._dict().clear.aio()
