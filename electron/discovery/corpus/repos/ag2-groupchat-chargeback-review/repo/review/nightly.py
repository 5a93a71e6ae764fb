import logging

from review.team import run_review

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    logging.info("review finished: %s", run_review())
